#pragma once

#include <cstdio>
#include <fmt/color.h>
#include <string>
#include <string_view>

namespace backrelief::cli {

/// When to colour output, as --color says.
enum class ColorMode { automatic, always, never };

/// The styles output uses, by meaning; chosen once, so printing code never asks about terminals.
struct Palette {
  fmt::text_style referral; ///< a red flag and its advice
  fmt::text_style excluded; ///< a technique that is out
  fmt::text_style positive; ///< a reason for
  fmt::text_style negative; ///< a reason against
  fmt::text_style caution;  ///< a caution
  fmt::text_style heading;  ///< a technique name or section title
  fmt::text_style muted;    ///< secondary text
  bool enabled = false;

  /// Colours for a terminal.
  static Palette terminal();
  /// No styling at all.
  static Palette no_color();
  /// Chooses by mode: auto colours only a terminal with TERM not "dumb" and NO_COLOR unset or empty.
  static Palette choose(ColorMode mode, std::FILE* stream);

  /// The text in a style, or unchanged when colour is off.
  [[nodiscard]] std::string paint(const fmt::text_style& style, std::string_view text) const;
};

} // namespace backrelief::cli
