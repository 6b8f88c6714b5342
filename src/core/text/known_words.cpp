#include "core/text/known_words.hpp"

#include "core/util/file_text.hpp"

#include <algorithm>

namespace backrelief {

std::vector<std::filesystem::path> system_word_lists() {
  return {"/usr/share/dict/american-english", "/usr/share/dict/british-english"};
}

bool KnownWords::contains(std::string_view word) const {
  std::call_once(m_loaded, [this] { load(); });
  return std::any_of(m_words.begin(), m_words.end(), [word](const std::vector<std::string_view>& words) {
    return std::binary_search(words.begin(), words.end(), word);
  });
}

void KnownWords::load() const {
  m_texts.reserve(m_files.size()); // the views below must never see a text move
  for (const auto& file : m_files) {
    m_texts.push_back(read_file_text(file).value_or(std::string{}));
    const std::string_view text = m_texts.back();
    std::vector<std::string_view>& words = m_words.emplace_back();
    constexpr std::size_t k_typical_line = 10;
    words.reserve(text.size() / k_typical_line);
    // One pass over the bytes: a line is kept when all of it is 'a' to 'z'.
    std::size_t start = 0;
    bool plain = true;
    for (std::size_t at = 0; at <= text.size(); ++at) {
      const char c = at < text.size() ? text[at] : '\n';
      if (c == '\n') {
        if (plain && at > start) {
          words.push_back(text.substr(start, at - start));
        }
        start = at + 1;
        plain = true;
      } else if (c < 'a' || c > 'z') {
        plain = false; // proper nouns and possessives ("Abby", "abbot's") stand for no word of a description
      }
    }
    // Debian's lists come sorted, so this is a check; another list gets sorted here. Each list
    // is searched on its own: merging them cost more than a second search ever will.
    if (!std::is_sorted(words.begin(), words.end())) {
      std::sort(words.begin(), words.end());
    }
  }
}

} // namespace backrelief
