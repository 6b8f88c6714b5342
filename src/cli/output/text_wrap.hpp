#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace backrelief::cli {

/// Columns a string takes on a terminal: UTF-8 code points count one each (continuation bytes none),
/// ANSI SGR escape sequences (ESC '[' ... 'm') count zero.
std::size_t display_width(std::string_view text);

/// Wraps every line of `text` (lines end in '\n') longer than `width` columns at spaces, so no line is wider
/// than `width` unless a single word is. A continuation line is indented by the line's hanging indent:
/// its leading spaces plus, when the line starts (after those spaces) with a one-character marker followed by a
/// space ("+ ", "- ", "! ", "x ", "* "), two more columns; or when it starts with a rank like " 1  " (digits then two
/// spaces), up to after those spaces. Lines that fit are unchanged, byte for byte; width 0 means no wrapping.
/// Escape sequences are kept intact and never split; a space inside coloured text is a valid break point.
/// Trailing spaces at a break are dropped. The result ends in '\n' exactly when the input did.
std::string wrap_text(std::string_view text, std::size_t width);

} // namespace backrelief::cli
