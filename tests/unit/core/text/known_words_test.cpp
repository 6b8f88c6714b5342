#include "core/text/known_words.hpp"

#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <gtest/gtest.h>
#include <random>
#include <string>
#include <vector>

namespace backrelief {
namespace {

/// A fresh temporary directory, removed with everything in it when the test ends.
class TemporaryDirectory {
public:
  TemporaryDirectory() {
    std::random_device random;
    m_path = std::filesystem::temp_directory_path() / fmt::format("backrelief-known-words-test-{:08x}", random());
    std::filesystem::create_directories(m_path);
  }
  TemporaryDirectory(const TemporaryDirectory&) = delete;
  TemporaryDirectory& operator=(const TemporaryDirectory&) = delete;
  ~TemporaryDirectory() {
    std::error_code ignored;
    std::filesystem::remove_all(m_path, ignored);
  }

  /// Writes a file in the directory and returns its path.
  [[nodiscard]] std::filesystem::path write(const std::string& name, const std::string& contents) const {
    const std::filesystem::path file = m_path / name;
    std::ofstream(file) << contents;
    return file;
  }

  [[nodiscard]] const std::filesystem::path& path() const { return m_path; }

private:
  std::filesystem::path m_path;
};

TEST(KnownWords, ContainsEveryPlainLowerCaseWordOfTheList) {
  const TemporaryDirectory directory;
  const KnownWords words({directory.write("words", "belief\nrelief\nstiff\n")});
  EXPECT_TRUE(words.contains("belief"));
  EXPECT_TRUE(words.contains("relief"));
  EXPECT_TRUE(words.contains("stiff"));
  EXPECT_FALSE(words.contains("releif"));
  EXPECT_FALSE(words.contains(""));
}

TEST(KnownWords, SkipsProperNounsPossessivesAndOtherForms) {
  const TemporaryDirectory directory;
  const KnownWords words({directory.write("words", "Abby\nabbot's\nx-ray\nnaïve\n\nabbot\n")});
  EXPECT_FALSE(words.contains("Abby"));
  EXPECT_FALSE(words.contains("abby"));
  EXPECT_FALSE(words.contains("abbot's"));
  EXPECT_FALSE(words.contains("abbots"));
  EXPECT_FALSE(words.contains("x-ray"));
  EXPECT_FALSE(words.contains("naïve"));
  EXPECT_TRUE(words.contains("abbot"));
}

TEST(KnownWords, ReadsEveryListAndSkipsMissingOnes) {
  const TemporaryDirectory directory;
  const KnownWords words(
      {directory.write("american", "color\n"), directory.path() / "missing", directory.write("british", "colour\n")});
  EXPECT_TRUE(words.contains("color"));
  EXPECT_TRUE(words.contains("colour"));
}

TEST(KnownWords, NoListsMeansNothingIsKnown) {
  const TemporaryDirectory directory;
  EXPECT_FALSE(KnownWords({}).contains("belief"));
  EXPECT_FALSE(KnownWords({directory.path() / "missing"}).contains("belief"));
}

TEST(KnownWords, ReadsTheListsOnFirstUse) {
  const TemporaryDirectory directory;
  const std::filesystem::path file = directory.path() / "words";
  const KnownWords words({file});
  static_cast<void>(directory.write("words", "belief\n"));
  EXPECT_TRUE(words.contains("belief"));
  // Read once: a later change to the file is not seen.
  static_cast<void>(directory.write("words", "relief\n"));
  EXPECT_TRUE(words.contains("belief"));
  EXPECT_FALSE(words.contains("relief"));
}

TEST(KnownWords, SystemListsAreDebiansAmericanAndBritishOnes) {
  EXPECT_EQ(system_word_lists(), (std::vector<std::filesystem::path>{"/usr/share/dict/american-english",
                                                                     "/usr/share/dict/british-english"}));
}

TEST(KnownWords, ListsInAnyOrderWithOverlapsAndNoFinalNewline) {
  const TemporaryDirectory directory;
  // Debian's lists come sorted; another list may not, and two lists share words.
  const KnownWords words({directory.write("one", "zebra\napple\nmango\nApple\nkiwi"),
                          directory.write("two", "mango\nbanana\r\ncherry\napple\n\n")});
  for (const char* known : {"zebra", "apple", "mango", "kiwi", "cherry"}) {
    EXPECT_TRUE(words.contains(known)) << known;
  }
  for (const char* unknown : {"banana", "Apple", "", "zebras", "appl", "mangoes"}) {
    EXPECT_FALSE(words.contains(unknown)) << unknown; // "banana\r" is not a plain word either
  }
}

} // namespace
} // namespace backrelief
