#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace backrelief {

/// Text as the analyser reads it, whatever keyboard or web page it came from: compatibility
/// forms folded as NFKC folds them (full-width "ｆｅｖｅｒ" is "fever", "①" is "1"), characters
/// that show nothing dropped (a soft hyphen, a zero-width space, a byte order mark), accents
/// and case folded ("Fièvre" is "fievre"), and the variants of punctuation lumped together ("’"
/// is "'", "–" is "-"). Each byte keeps the place of the character it came from, so what is
/// quoted back to the person is what they wrote.
struct FoldedText {
  std::string text;
  std::vector<std::size_t> from; ///< per byte of `text`: where its character starts in the original
  std::vector<std::size_t> to;   ///< per byte of `text`: where its character ends in the original
};

/// Whether `text` reads differently once folded; plain ASCII never does, and is read as it is.
[[nodiscard]] bool needs_folding(std::string_view text);

/// `text` folded. A byte that is not valid UTF-8 is kept as it is, so nothing is lost.
[[nodiscard]] FoldedText fold_text(std::string_view text);

} // namespace backrelief
