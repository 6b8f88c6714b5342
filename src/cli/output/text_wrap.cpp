#include "cli/output/text_wrap.hpp"

#include <algorithm>

namespace backrelief::cli {

namespace {

constexpr char k_escape = '\x1b';
constexpr std::string_view k_markers = "+-!x*";

// The length of the SGR sequence starting at `pos`, or 0 when none does. Only parameter bytes may come between
// "ESC [" and the final 'm', so a malformed sequence stops the scan at its first stray byte and scanning stays linear.
std::size_t sgr_length(std::string_view text, std::size_t pos) {
  if (text[pos] != k_escape || pos + 1 >= text.size() || text[pos + 1] != '[') {
    return 0;
  }
  std::size_t end = pos + 2;
  while (end < text.size() && text[end] >= 0x30 && text[end] <= 0x3f) {
    ++end;
  }
  return end < text.size() && text[end] == 'm' ? end + 1 - pos : 0;
}

bool starts_code_point(char byte) {
  return (static_cast<unsigned char>(byte) & 0xc0U) != 0x80U;
}

bool is_digit(char byte) {
  return byte >= '0' && byte <= '9';
}

/// A stretch of one line: a word (with the escapes inside it) or the spaces between words (with anything invisible
/// among them); its width is in columns.
struct Run {
  std::string_view bytes;
  std::size_t width = 0;
};

// Escapes after the last space belong to the word they colour, so a break carries them to the next line with it.
Run space_run(std::string_view line, std::size_t pos) {
  std::size_t end = pos;
  std::size_t after_last_space = pos;
  std::size_t spaces = 0;
  while (end < line.size()) {
    if (line[end] == ' ') {
      ++end;
      ++spaces;
      after_last_space = end;
    } else if (const std::size_t sgr = sgr_length(line, end); sgr > 0) {
      end += sgr;
    } else {
      break;
    }
  }
  return {line.substr(pos, after_last_space - pos), spaces};
}

Run word_run(std::string_view line, std::size_t pos) {
  std::size_t end = pos;
  std::size_t width = 0;
  while (end < line.size() && line[end] != ' ') {
    if (const std::size_t sgr = sgr_length(line, end); sgr > 0) {
      end += sgr;
    } else {
      if (starts_code_point(line[end])) {
        ++width;
      }
      ++end;
    }
  }
  return {line.substr(pos, end - pos), width};
}

// Spaces beyond `max_spaces` are dropped, but never the bytes between them: a colour change dropped would recolour
// the rest of the text.
void append_gap(std::string_view gap, std::size_t max_spaces, std::string& out) {
  std::size_t spaces = 0;
  for (const char byte : gap) {
    if (byte != ' ') {
      out += byte;
    } else if (spaces < max_spaces) {
      out += byte;
      ++spaces;
    }
  }
}

/// Steps through the visible characters of a line, skipping escapes and stray continuation bytes, so a coloured
/// marker is still a marker.
class VisibleCursor {
public:
  explicit VisibleCursor(std::string_view text) : m_text(text) { skip_invisible(); }

  /// The first byte of the current character, or '\0' at the end.
  [[nodiscard]] char peek() const { return m_pos < m_text.size() ? m_text[m_pos] : '\0'; }

  /// Moves past the current character and anything invisible after it.
  void advance() {
    if (m_pos < m_text.size()) {
      ++m_pos;
    }
    skip_invisible();
  }

private:
  void skip_invisible() {
    while (m_pos < m_text.size()) {
      if (!starts_code_point(m_text[m_pos])) {
        ++m_pos;
      } else if (const std::size_t sgr = sgr_length(m_text, m_pos); sgr > 0) {
        m_pos += sgr;
      } else {
        return;
      }
    }
  }

  std::string_view m_text;
  std::size_t m_pos = 0;
};

// Continuation lines line up with the text after a list marker or a rank, not with the marker itself.
std::size_t hanging_indent(std::string_view line) {
  VisibleCursor cursor(line);
  std::size_t spaces = 0;
  while (cursor.peek() == ' ') {
    ++spaces;
    cursor.advance();
  }
  if (const char first = cursor.peek(); first != '\0' && k_markers.find(first) != std::string_view::npos) {
    cursor.advance();
    return cursor.peek() == ' ' ? spaces + 2 : spaces;
  }
  std::size_t digits = 0;
  while (is_digit(cursor.peek())) {
    ++digits;
    cursor.advance();
  }
  if (digits == 0 || cursor.peek() != ' ') {
    return spaces;
  }
  cursor.advance();
  return cursor.peek() == ' ' ? spaces + digits + 2 : spaces;
}

void wrap_line(std::string_view line, std::size_t width, std::string& out) {
  if (display_width(line) <= width) {
    out += line;
    return;
  }
  std::size_t indent = hanging_indent(line);
  if (indent >= width) {
    // Otherwise a continuation line could hold nothing but its indent.
    indent = 0;
  }
  // The leading spaces are the first gap: they always go before the first word, being the line's own indent.
  std::size_t gap_start = 0;
  Run gap = space_run(line, gap_start);
  std::size_t pos = gap.bytes.size();
  std::size_t column = 0;
  bool placed_word = false;
  while (pos < line.size()) {
    const Run word = word_run(line, pos);
    pos += word.bytes.size();
    if (word.width == 0) {
      // Nothing visible (escapes, stray continuation bytes) is no place to break either side of, so it joins the gap.
      const Run more = space_run(line, pos);
      pos += more.bytes.size();
      gap = {line.substr(gap_start, pos - gap_start), gap.width + more.width};
      continue;
    }
    if (!placed_word || column + gap.width + word.width <= width) {
      out += gap.bytes;
      column += gap.width;
    } else {
      append_gap(gap.bytes, 0, out);
      out += '\n';
      out.append(indent, ' ');
      column = indent;
    }
    out += word.bytes;
    column += word.width;
    placed_word = true;
    gap_start = pos;
    gap = space_run(line, gap_start);
    pos += gap.bytes.size();
  }
  // Spaces that end the line are no break; they stay as far as they fit, so a line of spaces never vanishes.
  append_gap(gap.bytes, width - std::min(column, width), out);
}

} // namespace

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    if (const std::size_t sgr = sgr_length(text, pos); sgr > 0) {
      pos += sgr;
    } else {
      if (starts_code_point(text[pos])) {
        ++width;
      }
      ++pos;
    }
  }
  return width;
}

std::string wrap_text(std::string_view text, std::size_t width) {
  if (width == 0) {
    return std::string(text);
  }
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t newline = text.find('\n', start);
    const std::size_t end = newline == std::string_view::npos ? text.size() : newline;
    wrap_line(text.substr(start, end - start), width, out);
    if (newline == std::string_view::npos) {
      break;
    }
    out += '\n';
    start = newline + 1;
  }
  return out;
}

} // namespace backrelief::cli
