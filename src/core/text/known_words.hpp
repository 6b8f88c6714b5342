#pragma once

#include <filesystem>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace backrelief {

/// Correctly spelled English words, from word-list files such as Debian's /usr/share/dict ones,
/// read on first use. A word found here is never taken for a misspelling of another ("belief" is
/// not "relief"). Missing files are skipped: then nothing is known and nothing is excluded.
class KnownWords {
public:
  explicit KnownWords(std::vector<std::filesystem::path> files) : m_files(std::move(files)) {}

  /// True when the lower-case word is in any of the word lists.
  [[nodiscard]] bool contains(std::string_view word) const;

private:
  void load() const;

  std::vector<std::filesystem::path> m_files;
  mutable std::once_flag m_loaded;
  // The files' bytes, and a sorted view of each plain lower-case word in them: reading a word
  // list this way takes a few milliseconds where a hash set of its words took twenty, and a
  // description's first unknown word waits for it.
  mutable std::vector<std::string> m_texts;
  mutable std::vector<std::vector<std::string_view>> m_words; ///< per file
};

/// The American and British English word lists of Debian's wamerican and wbritish packages.
std::vector<std::filesystem::path> system_word_lists();

} // namespace backrelief
