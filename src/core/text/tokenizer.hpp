#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace backrelief {

/// What a token is: words and numbers carry meaning, the rest structures the text.
enum class TokenKind : std::uint8_t {
  word,         ///< letters (lower-cased, apostrophes removed: "can't" is "cant")
  number,       ///< digits, with an optional decimal part
  comma,        ///< ',' and brackets: a pause inside a sentence
  sentence_end, ///< '.', '!', ';', ':'
  question_end, ///< '?'
  slash,        ///< '/', as in "7/10"
};

/// One token and where it stands in the original text.
struct Token {
  TokenKind kind = TokenKind::word;
  std::string text;
  std::size_t begin = 0;
  std::size_t end = 0;
};

/// Splits text into tokens, read as folded (unicode_fold.hpp: "ｆｅ\u00ADｖｅｒ" is "fever"): letters
/// lower-cased, the apostrophes ' ‘ ’ and ` dropped inside words, hyphens and other symbols
/// treated as spaces; bytes of other UTF-8 letters kept in words. Each token's begin and end are
/// byte offsets in `text` as given, so what is quoted is what was written.
std::vector<Token> tokenize(std::string_view text);

/// True for tokens that carry words or numbers.
inline bool is_content(const Token& token) {
  return token.kind == TokenKind::word || token.kind == TokenKind::number;
}

} // namespace backrelief
