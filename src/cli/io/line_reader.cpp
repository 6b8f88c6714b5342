#include "cli/io/line_reader.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <unistd.h>

namespace backrelief::cli {

namespace {

constexpr std::size_t k_block_bytes = std::size_t{64} * 1024;

} // namespace

LineReader::LineReader(int fd, std::size_t max_line) : m_fd(fd), m_max_line(max_line), m_block(k_block_bytes) {}

bool LineReader::fill(const std::function<bool()>& before_read) {
  if (m_at_end) {
    return false;
  }
  if (!before_read()) {
    m_stopped = true;
    return false;
  }
  for (;;) {
    const ssize_t got = ::read(m_fd, m_block.data(), m_block.size());
    if (got > 0) {
      m_begin = 0;
      m_end = static_cast<std::size_t>(got);
      return true;
    }
    if (got < 0 && errno == EINTR) {
      continue;
    }
    m_failed = got < 0;
    m_at_end = true;
    return false;
  }
}

void LineReader::keep(std::string_view part) {
  const std::size_t room = m_max_line + 1 - std::min(m_long_line.size(), m_max_line + 1);
  m_long_line.append(part.substr(0, room)); // one byte past the cap marks the line as too long
}

bool LineReader::next(std::string_view& line, const std::function<bool()>& before_read) {
  m_long_line.clear();
  bool spans_blocks = false;
  for (;;) {
    if (m_begin == m_end && !fill(before_read)) {
      if (!spans_blocks || m_stopped) {
        return false; // a line cut short by the caller is not a line of the input
      }
      break; // the last line had no newline
    }
    const char* start = m_block.data() + m_begin;
    const auto* newline = static_cast<const char*>(std::memchr(start, '\n', m_end - m_begin));
    if (newline == nullptr) {
      keep({start, m_end - m_begin});
      m_begin = m_end;
      spans_blocks = true;
      continue;
    }
    const auto length = static_cast<std::size_t>(newline - start);
    m_begin += length + 1;
    if (!spans_blocks) {
      line = std::string_view(start, length).substr(0, m_max_line + 1);
      return true;
    }
    keep({start, length});
    break;
  }
  line = m_long_line;
  return true;
}

} // namespace backrelief::cli
