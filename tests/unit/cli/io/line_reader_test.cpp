#include "cli/io/line_reader.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdlib>
#include <fcntl.h>
#include <functional>
#include <gtest/gtest.h>
#include <initializer_list>
#include <random>
#include <string>
#include <string_view>
#include <thread>
#include <unistd.h>
#include <vector>

namespace backrelief::cli {
namespace {

constexpr std::size_t k_block_bytes = std::size_t{64} * 1024; // line_reader.cpp reads blocks of this size
constexpr std::size_t k_no_cap = std::size_t{1} << 30;        // longer than any line here

/// A file descriptor, closed when it goes out of scope.
class Descriptor {
public:
  explicit Descriptor(int fd) : m_fd(fd) {}
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  Descriptor(Descriptor&&) = delete;
  Descriptor& operator=(Descriptor&&) = delete;
  ~Descriptor() { reset(); }

  [[nodiscard]] int get() const { return m_fd; }
  void reset() {
    if (m_fd >= 0) {
      ::close(m_fd);
      m_fd = -1;
    }
  }

private:
  int m_fd;
};

/// Writes all of `text` to `fd`; false when a write fails.
bool write_all(int fd, std::string_view text) {
  while (!text.empty()) {
    const ssize_t wrote = ::write(fd, text.data(), text.size());
    if (wrote < 0 && errno == EINTR) {
      continue;
    }
    if (wrote <= 0) {
      return false;
    }
    text.remove_prefix(static_cast<std::size_t>(wrote));
  }
  return true;
}

/// A temporary file holding `content`, open for reading from its start (and already unlinked).
int temporary_file(std::string_view content) {
  std::string path = testing::TempDir() + "line_reader_test_XXXXXX";
  const int fd = ::mkstemp(path.data());
  if (fd < 0) {
    ADD_FAILURE() << "mkstemp failed for " << path;
    return -1;
  }
  ::unlink(path.c_str());
  EXPECT_TRUE(write_all(fd, content));
  EXPECT_EQ(::lseek(fd, 0, SEEK_SET), 0);
  return fd;
}

/// The two ends of a pipe.
struct Pipe {
  Pipe() : Pipe(make()) {}
  Descriptor read_end;
  Descriptor write_end;

private:
  explicit Pipe(std::array<int, 2> ends) : read_end(ends[0]), write_end(ends[1]) {}
  static std::array<int, 2> make() {
    std::array<int, 2> ends{-1, -1};
    if (::pipe(ends.data()) != 0) {
      ADD_FAILURE() << "pipe failed";
    }
    return ends;
  }
};

/// `parts` one after another.
std::string joined(std::initializer_list<std::string_view> parts) {
  std::string text;
  for (const std::string_view part : parts) {
    text += part;
  }
  return text;
}

/// The lines of `content`, split without LineReader: a last line without a newline counts.
std::vector<std::string> lines_of(std::string_view content, std::size_t max_line = k_no_cap) {
  std::vector<std::string> lines;
  while (!content.empty()) {
    const std::size_t newline = content.find('\n');
    const std::string_view line = content.substr(0, newline);
    lines.emplace_back(line.substr(0, max_line + 1));
    content.remove_prefix(newline == std::string_view::npos ? content.size() : newline + 1);
  }
  return lines;
}

/// Every line LineReader reads from `fd`, which must not fail.
std::vector<std::string> read_lines(int fd, std::size_t max_line = k_no_cap) {
  LineReader reader(fd, max_line);
  const std::function<bool()> go_on = [] { return true; };
  std::vector<std::string> lines;
  std::string_view line;
  while (reader.next(line, go_on)) {
    lines.emplace_back(line);
  }
  EXPECT_FALSE(reader.failed());
  EXPECT_FALSE(reader.next(line, go_on)) << "the end stays the end";
  return lines;
}

/// The lines read from a file holding `content`.
std::vector<std::string> lines_from_file(std::string_view content, std::size_t max_line = k_no_cap) {
  const Descriptor file(temporary_file(content));
  return read_lines(file.get(), max_line);
}

/// The lines read from a pipe into which another thread writes `content` in pieces of random
/// sizes, so that reads return parts of blocks.
std::vector<std::string> lines_from_pipe(std::string_view content, std::size_t max_line = k_no_cap) {
  Pipe pipe;
  std::thread writer([&content, &pipe] {
    std::mt19937 random(7);
    std::uniform_int_distribution<std::size_t> piece(1, 5000);
    std::string_view rest = content;
    while (!rest.empty()) {
      const std::size_t size = std::min(piece(random), rest.size());
      if (!write_all(pipe.write_end.get(), rest.substr(0, size))) {
        break;
      }
      rest.remove_prefix(size);
    }
    pipe.write_end.reset();
  });
  std::vector<std::string> lines = read_lines(pipe.read_end.get(), max_line);
  writer.join();
  return lines;
}

TEST(LineReader, SmallInputs) {
  const std::vector<std::string> contents = {
      "",
      "\n",
      "\n\n",
      "a",
      "a\n",
      "a\nbc",
      "a\nbc\n",
      "\n\na\n\n",
      "\nlast",
      "a\r\n",
      " \t \n",
      std::string("nul\0inside\n", 11),
      "one\ntwo\nthree\nfour\n",
  };
  for (const std::string& content : contents) {
    EXPECT_EQ(lines_from_file(content), lines_of(content)) << testing::PrintToString(content);
    EXPECT_EQ(lines_from_pipe(content), lines_of(content)) << testing::PrintToString(content);
  }
}

TEST(LineReader, SpelledOut) {
  EXPECT_EQ(lines_from_file("a\n\nbc\n"), (std::vector<std::string>{"a", "", "bc"}));
  EXPECT_EQ(lines_from_file("a\n\nbc"), (std::vector<std::string>{"a", "", "bc"}));
  EXPECT_EQ(lines_from_file("\n"), (std::vector<std::string>{""}));
  EXPECT_EQ(lines_from_file("a\r\n"), (std::vector<std::string>{"a\r"}));
  EXPECT_TRUE(lines_from_file("").empty());
}

TEST(LineReader, EmptyInput) {
  const Descriptor file(temporary_file(""));
  LineReader reader(file.get(), 100);
  std::string_view line = "untouched";
  int reads = 0;
  EXPECT_FALSE(reader.next(line, [&] {
    ++reads;
    return true;
  }));
  EXPECT_EQ(reads, 1);
  EXPECT_FALSE(reader.failed());
}

TEST(LineReader, LinesLongerThanABlock) {
  // Lines that end just before, on and after the end of a block, or run over several blocks.
  const std::vector<std::size_t> lengths = {k_block_bytes - 2,
                                            k_block_bytes - 1,
                                            k_block_bytes,
                                            k_block_bytes + 1,
                                            2 * k_block_bytes - 1,
                                            2 * k_block_bytes,
                                            2 * k_block_bytes + 1,
                                            200000,
                                            1000000};
  for (const std::size_t length : lengths) {
    std::string line(length, 'x');
    for (std::size_t i = 0; i < length; i += 1000) {
      line[i] = static_cast<char>('a' + (i / 1000) % 26); // so that a misplaced piece shows
    }
    for (const std::string& content : {joined({line, "\n"}), line, joined({"first\n", line, "\nafter\n"}),
                                       joined({"first\n", line}), joined({line, "\n", line, "\nlast"})}) {
      EXPECT_EQ(lines_from_file(content), lines_of(content)) << "length " << length;
      EXPECT_EQ(lines_from_pipe(content), lines_of(content)) << "length " << length;
    }
  }
}

TEST(LineReader, LinesLongerThanMaxLineAreCut) {
  for (const std::size_t max_line : {std::size_t{0}, std::size_t{1}, std::size_t{10}, std::size_t{100},
                                     k_block_bytes - 1, k_block_bytes, k_block_bytes + 10}) {
    std::string content;
    for (const std::size_t length :
         {std::size_t{0}, max_line, max_line + 1, max_line + 2, 3 * max_line + 5, std::size_t{200000}}) {
      std::string line(length, 'y');
      for (std::size_t i = 0; i < length; i += 7) {
        line[i] = static_cast<char>('0' + i % 10);
      }
      content += line + "\nshort\n";
    }
    const std::vector<std::string> expected = lines_of(content, max_line);
    for (const std::string& line : expected) {
      EXPECT_LE(line.size(), max_line + 1);
    }
    EXPECT_EQ(lines_from_file(content, max_line), expected) << "max_line " << max_line;
    EXPECT_EQ(lines_from_pipe(content, max_line), expected) << "max_line " << max_line;
    // And as the last line, without a newline.
    const std::string last = content + std::string(max_line + 50, 'z');
    EXPECT_EQ(lines_from_file(last, max_line), lines_of(last, max_line)) << "max_line " << max_line;
  }
}

TEST(LineReader, CutLineSpelledOut) {
  EXPECT_EQ(lines_from_file("0123456789abcdef\nnext\n", 10), (std::vector<std::string>{"0123456789a", "next"}));
  const std::string spanning = std::string(3 * k_block_bytes, 'q') + "\nnext";
  EXPECT_EQ(lines_from_file(spanning, 4), (std::vector<std::string>{"qqqqq", "next"}));
}

TEST(LineReader, ManyShortLines) {
  std::string content;
  std::vector<std::string> expected;
  for (int number = 0; number < 100000; ++number) {
    std::string line = "line " + std::to_string(number);
    line.append(static_cast<std::size_t>(number % 37), static_cast<char>('a' + number % 26));
    if (number % 101 == 0) {
      line.clear();
    }
    content += line + "\n";
    expected.push_back(line);
  }
  ASSERT_GT(content.size(), 20 * k_block_bytes);
  EXPECT_EQ(lines_from_file(content), expected);
  EXPECT_EQ(lines_from_pipe(content), expected);
  content.pop_back();
  EXPECT_EQ(lines_from_file(content), expected) << "without the last newline";
}

TEST(LineReader, BeforeReadComesBeforeEveryRead) {
  // The input arrives only when before_read is called, as from a person who types a line once the
  // answers so far are out. The read end does not block: a read before before_read would find
  // nothing and fail with EAGAIN.
  const std::vector<std::string> pieces = {"one\n", "two\nthr", "ee\n", "four\nfive\n", "six"};
  Pipe pipe;
  ASSERT_EQ(::fcntl(pipe.read_end.get(), F_SETFL, O_NONBLOCK), 0);
  std::size_t calls = 0;
  const std::function<bool()> before_read = [&] {
    if (calls < pieces.size()) {
      EXPECT_TRUE(write_all(pipe.write_end.get(), pieces[calls]));
    } else {
      pipe.write_end.reset();
    }
    ++calls;
    return true;
  };
  LineReader reader(pipe.read_end.get(), 100);
  std::vector<std::string> lines;
  std::vector<std::size_t> calls_before_line;
  std::string_view line;
  while (reader.next(line, before_read)) {
    lines.emplace_back(line);
    calls_before_line.push_back(calls);
  }
  EXPECT_FALSE(reader.failed()) << "a read came before before_read";
  EXPECT_EQ(lines, (std::vector<std::string>{"one", "two", "three", "four", "five", "six"}));
  // One call per read: none while whole lines are left in the block.
  EXPECT_EQ(calls_before_line, (std::vector<std::size_t>{1, 2, 3, 4, 4, 6}));
  EXPECT_EQ(calls, pieces.size() + 1);
}

TEST(LineReader, BeforeReadReturningFalseStopsReading) {
  Pipe pipe;
  ASSERT_TRUE(write_all(pipe.write_end.get(), "a\nb\n"));
  LineReader reader(pipe.read_end.get(), 100);
  std::string_view line;
  int calls = 0;
  EXPECT_FALSE(reader.next(line, [&] {
    ++calls;
    return false;
  }));
  EXPECT_EQ(calls, 1);
  EXPECT_FALSE(reader.failed());
  // Nothing was read. (Not blocking: were the input consumed, this read must fail, not wait.)
  ASSERT_EQ(::fcntl(pipe.read_end.get(), F_SETFL, O_NONBLOCK), 0);
  std::array<char, 16> left{};
  EXPECT_EQ(::read(pipe.read_end.get(), left.data(), left.size()), 4);
  EXPECT_EQ(std::string_view(left.data(), 4), "a\nb\n");
}

TEST(LineReader, BeforeReadReturningFalseAfterSomeLines) {
  Pipe pipe;
  ASSERT_TRUE(write_all(pipe.write_end.get(), "a\nb\n"));
  LineReader reader(pipe.read_end.get(), 100);
  std::string_view line;
  bool go_on = true;
  const std::function<bool()> before_read = [&] { return go_on; };
  ASSERT_TRUE(reader.next(line, before_read));
  EXPECT_EQ(line, "a");
  go_on = false;
  ASSERT_TRUE(reader.next(line, before_read)) << "a line already read needs no read";
  EXPECT_EQ(line, "b");
  ASSERT_TRUE(write_all(pipe.write_end.get(), "c\n"));
  EXPECT_FALSE(reader.next(line, before_read));
  EXPECT_FALSE(reader.failed());
}

TEST(LineReader, BeforeReadReturningFalseInTheMiddleOfALine) {
  // The header promises false "when before_read returns false"; a line cut short by it is not a
  // line of the input.
  Pipe pipe;
  ASSERT_TRUE(write_all(pipe.write_end.get(), "whole\npart"));
  LineReader reader(pipe.read_end.get(), 100);
  std::string_view line;
  int calls = 0;
  const std::function<bool()> before_read = [&] { return ++calls == 1; };
  ASSERT_TRUE(reader.next(line, before_read));
  EXPECT_EQ(line, "whole");
  EXPECT_FALSE(reader.next(line, before_read)) << "returned \"" << line << "\"";
  EXPECT_EQ(calls, 2);
  EXPECT_FALSE(reader.failed());
}

TEST(LineReader, FailsOnADirectory) {
  const Descriptor directory(::open(testing::TempDir().c_str(), O_RDONLY | O_DIRECTORY));
  ASSERT_GE(directory.get(), 0);
  std::array<char, 1> byte{};
  ASSERT_EQ(::read(directory.get(), byte.data(), byte.size()), -1);
  ASSERT_EQ(errno, EISDIR);

  LineReader reader(directory.get(), 100);
  EXPECT_FALSE(reader.failed());
  std::string_view line;
  const std::function<bool()> go_on = [] { return true; };
  EXPECT_FALSE(reader.next(line, go_on));
  EXPECT_TRUE(reader.failed());
  EXPECT_FALSE(reader.next(line, go_on));
  EXPECT_TRUE(reader.failed());
}

TEST(LineReader, FailsOnAClosedDescriptor) {
  int closed = -1;
  {
    const Pipe pipe;
    closed = pipe.read_end.get();
  }
  for (const int fd : {closed, -1}) {
    LineReader reader(fd, 100);
    std::string_view line;
    EXPECT_FALSE(reader.next(line, [] { return true; })) << "fd " << fd;
    EXPECT_TRUE(reader.failed()) << "fd " << fd;
  }
}

TEST(LineReader, EndIsNotFailure) {
  Pipe pipe;
  ASSERT_TRUE(write_all(pipe.write_end.get(), "only"));
  pipe.write_end.reset();
  LineReader reader(pipe.read_end.get(), 100);
  std::string_view line;
  const std::function<bool()> go_on = [] { return true; };
  ASSERT_TRUE(reader.next(line, go_on));
  EXPECT_EQ(line, "only");
  EXPECT_FALSE(reader.next(line, go_on));
  EXPECT_FALSE(reader.failed());
}

} // namespace
} // namespace backrelief::cli
