#include "core/text/unicode_fold.hpp"

#include <algorithm>
#include <array>
#include <utf8proc.h>

namespace backrelief {

namespace {

// NFKC's compatibility mapping, without the recomposition: accents are stripped anyway, so what
// is left is base characters. IGNORE drops the default-ignorable code points (soft hyphen,
// zero-width characters, joiners, variation selectors, byte order mark).
constexpr auto k_options = static_cast<utf8proc_option_t>(UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE | UTF8PROC_IGNORE |
                                                          UTF8PROC_CASEFOLD | UTF8PROC_LUMP | UTF8PROC_STRIPMARK);

// The longest decomposition Unicode has is 18 code points (U+FDFA); leave room.
constexpr std::size_t k_most_code_points = 32;

} // namespace

bool needs_folding(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

FoldedText fold_text(std::string_view text) {
  FoldedText folded;
  folded.text.reserve(text.size());
  folded.from.reserve(text.size());
  folded.to.reserve(text.size());
  const auto keep = [&](std::string_view bytes, std::size_t start, std::size_t end) {
    folded.text.append(bytes);
    folded.from.insert(folded.from.end(), bytes.size(), start);
    folded.to.insert(folded.to.end(), bytes.size(), end);
  };
  std::array<utf8proc_int32_t, k_most_code_points> decomposed{};
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      keep(text.substr(i, 1), i, i + 1);
      ++i;
      continue;
    }
    utf8proc_int32_t code_point = 0;
    const utf8proc_ssize_t length = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + i),
                                                     static_cast<utf8proc_ssize_t>(text.size() - i), &code_point);
    if (length <= 0) {
      keep(text.substr(i, 1), i, i + 1); // not UTF-8: kept as a byte of a word, as before
      ++i;
      continue;
    }
    const auto end = i + static_cast<std::size_t>(length);
    const utf8proc_ssize_t count =
        utf8proc_decompose_char(code_point, decomposed.data(), decomposed.size(), k_options, nullptr);
    if (count < 0 || static_cast<std::size_t>(count) > decomposed.size()) {
      keep(text.substr(i, end - i), i, end);
    } else {
      for (utf8proc_ssize_t k = 0; k < count; ++k) {
        std::array<utf8proc_uint8_t, 4> bytes{};
        const utf8proc_ssize_t size = utf8proc_encode_char(decomposed[static_cast<std::size_t>(k)], bytes.data());
        keep(std::string_view(reinterpret_cast<const char*>(bytes.data()), static_cast<std::size_t>(size)), i, end);
      }
    }
    i = end;
  }
  return folded;
}

} // namespace backrelief
