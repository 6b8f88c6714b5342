#include "core/text/tokenizer.hpp"

#include "core/text/unicode_fold.hpp"

#include <algorithm>

namespace backrelief {

namespace {

bool is_ascii_letter(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_digit(unsigned char c) {
  return c >= '0' && c <= '9';
}

// Length of a UTF-8 punctuation sequence that acts as an apostrophe (’ ‘) at `i`, or 0.
std::size_t apostrophe_at(std::string_view text, std::size_t i) {
  const auto c = static_cast<unsigned char>(text[i]);
  if (c == '\'' || c == '`') {
    return 1;
  }
  if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80) {
    const auto last = static_cast<unsigned char>(text[i + 2]);
    if (last == 0x98 || last == 0x99) {
      return 3;
    }
  }
  return 0;
}

// Other UTF-8 punctuation (quotes, dashes, ellipsis, no-break space) separates words.
std::size_t separator_at(std::string_view text, std::size_t i) {
  const auto c = static_cast<unsigned char>(text[i]);
  if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80) {
    return 3;
  }
  if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0) {
    return 2;
  }
  return 0;
}

bool starts_word(std::string_view text, std::size_t i) {
  const auto c = static_cast<unsigned char>(text[i]);
  return is_ascii_letter(c) || (c >= 0x80 && apostrophe_at(text, i) == 0 && separator_at(text, i) == 0);
}

// Tokens of text that is plain ASCII or already folded (unicode_fold.hpp): nothing in it is
// invisible, and its punctuation is lumped to a few forms.
std::vector<Token> tokenize_folded(std::string_view text) {
  std::vector<Token> tokens;
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (starts_word(text, i)) {
      Token token{TokenKind::word, {}, i, i};
      while (i < text.size()) {
        const auto d = static_cast<unsigned char>(text[i]);
        if (const std::size_t skip = apostrophe_at(text, i);
            skip > 0 && i + skip < text.size() && starts_word(text, i + skip)) {
          i += skip; // "can't" and "can’t" read as "cant"
        } else if (is_ascii_letter(d)) {
          token.text += static_cast<char>(d >= 'A' && d <= 'Z' ? d - 'A' + 'a' : d);
          ++i;
        } else if (d >= 0x80 && apostrophe_at(text, i) == 0 && separator_at(text, i) == 0) {
          token.text += static_cast<char>(d);
          ++i;
        } else {
          break;
        }
      }
      token.end = i;
      tokens.push_back(std::move(token));
      continue;
    }
    if (is_digit(c)) {
      Token token{TokenKind::number, {}, i, i};
      while (i < text.size() &&
             (is_digit(static_cast<unsigned char>(text[i])) ||
              (text[i] == '.' && i + 1 < text.size() && is_digit(static_cast<unsigned char>(text[i + 1])) &&
               token.text.find('.') == std::string::npos))) {
        token.text += text[i++];
      }
      token.end = i;
      tokens.push_back(std::move(token));
      continue;
    }
    TokenKind kind = TokenKind::comma;
    bool structural = true;
    switch (c) {
    case '.':
    case '!':
    case ';':
    case ':':
      kind = TokenKind::sentence_end;
      break;
    case '?':
      kind = TokenKind::question_end;
      break;
    case ',':
    case '(':
    case ')':
      kind = TokenKind::comma;
      break;
    case '/':
      kind = TokenKind::slash;
      break;
    default:
      structural = false;
    }
    if (structural) {
      // A run such as "..." or "?!" is one boundary; the strongest kind wins.
      if (!tokens.empty() && tokens.back().end == i && !is_content(tokens.back()) && kind != TokenKind::slash &&
          tokens.back().kind != TokenKind::slash) {
        if (kind == TokenKind::question_end || tokens.back().kind == TokenKind::comma) {
          tokens.back().kind = kind;
        }
        tokens.back().end = i + 1;
      } else {
        tokens.push_back({kind, std::string(1, static_cast<char>(c)), i, i + 1});
      }
      ++i;
      continue;
    }
    // "…" (U+2026) ends a sentence like "..." does.
    if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
        static_cast<unsigned char>(text[i + 2]) == 0xA6) {
      tokens.push_back({TokenKind::sentence_end, "...", i, i + 3});
      i += 3;
      continue;
    }
    const std::size_t skip = separator_at(text, i);
    i += skip > 0 ? skip : 1;
  }
  return tokens;
}

} // namespace

std::vector<Token> tokenize(std::string_view text) {
  if (!needs_folding(text)) {
    return tokenize_folded(text);
  }
  // Read the folded text, and quote the original: each token spans the characters it came from.
  const FoldedText folded = fold_text(text);
  std::vector<Token> tokens = tokenize_folded(folded.text);
  for (Token& token : tokens) {
    const std::size_t first = token.begin;
    const std::size_t last = token.end > token.begin ? token.end - 1 : token.begin;
    token.begin = first < folded.from.size() ? folded.from[first] : text.size();
    token.end = last < folded.to.size() ? folded.to[last] : text.size();
  }
  return tokens;
}

} // namespace backrelief
