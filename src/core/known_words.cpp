#include "backrelief/known_words.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>

namespace backrelief {

namespace {
// Word lists hold proper nouns and possessives ("Abby", "abbot's"); only plain lower-case words
// can stand for the words of a description.
bool plain_lower_case(std::string_view word) {
  return !word.empty() && std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

std::string read_whole(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::string text;
  if (in) {
    text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  return text;
}
} // namespace

std::vector<std::filesystem::path> system_word_lists() {
  return {"/usr/share/dict/american-english", "/usr/share/dict/british-english"};
}

bool KnownWords::contains(std::string_view word) const {
  std::call_once(m_loaded, [this] { load(); });
  return std::binary_search(m_words.begin(), m_words.end(), word);
}

void KnownWords::load() const {
  m_texts.reserve(m_files.size()); // the views below must never see a text move
  for (const auto& file : m_files) {
    m_texts.push_back(read_whole(file));
    const std::size_t merged = m_words.size();
    std::string_view text = m_texts.back();
    while (!text.empty()) {
      const std::size_t end = std::min(text.find('\n'), text.size());
      if (const std::string_view word = text.substr(0, end); plain_lower_case(word)) {
        m_words.push_back(word);
      }
      text.remove_prefix(std::min(end + 1, text.size()));
    }
    // Debian's lists come sorted, so this is a check; another list gets sorted here.
    const auto added = m_words.begin() + static_cast<std::ptrdiff_t>(merged);
    if (!std::is_sorted(added, m_words.end())) {
      std::sort(added, m_words.end());
    }
    std::inplace_merge(m_words.begin(), added, m_words.end());
  }
  m_words.erase(std::unique(m_words.begin(), m_words.end()), m_words.end());
}

} // namespace backrelief
