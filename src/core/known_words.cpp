#include "backrelief/known_words.hpp"

#include <algorithm>
#include <fstream>

namespace backrelief {

namespace {
// Word lists hold proper nouns and possessives ("Abby", "abbot's"); only plain lower-case words
// can stand for the words of a description.
bool plain_lower_case(const std::string& word) {
  return !word.empty() && std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}
} // namespace

std::vector<std::filesystem::path> system_word_lists() {
  return {"/usr/share/dict/american-english", "/usr/share/dict/british-english"};
}

bool KnownWords::contains(std::string_view word) const {
  std::call_once(m_loaded, [this] { load(); });
  return m_words.contains(std::string(word));
}

void KnownWords::load() const {
  for (const auto& file : m_files) {
    std::ifstream in(file);
    for (std::string word; std::getline(in, word);) {
      if (plain_lower_case(word)) {
        m_words.insert(word);
      }
    }
  }
}

} // namespace backrelief
