#include "cli/output/palette.hpp"

#include <cstdlib>
#include <string>
#include <unistd.h>

namespace backrelief::cli {

Palette Palette::terminal() {
  Palette palette;
  palette.referral = fmt::fg(fmt::terminal_color::bright_red) | fmt::emphasis::bold;
  palette.excluded = fmt::fg(fmt::terminal_color::red);
  palette.positive = fmt::fg(fmt::terminal_color::green);
  palette.negative = fmt::fg(fmt::terminal_color::yellow);
  palette.caution = fmt::fg(fmt::terminal_color::magenta);
  palette.heading = fmt::emphasis::bold;
  palette.muted = fmt::emphasis::faint;
  palette.enabled = true;
  return palette;
}

Palette Palette::no_color() {
  return Palette{};
}

Palette Palette::choose(ColorMode mode, std::FILE* stream) {
  if (mode == ColorMode::always) {
    return terminal();
  }
  if (mode == ColorMode::never) {
    return no_color();
  }
  const char* no_color_value = std::getenv("NO_COLOR");
  const char* term = std::getenv("TERM");
  const bool wanted = (no_color_value == nullptr || *no_color_value == '\0') &&
                      !(term != nullptr && std::string_view{term} == "dumb") && isatty(fileno(stream)) == 1;
  return wanted ? terminal() : no_color();
}

std::string Palette::paint(const fmt::text_style& style, std::string_view text) const {
  if (!enabled || text.empty()) {
    return std::string(text);
  }
  return fmt::format(style, "{}", text);
}

} // namespace backrelief::cli
