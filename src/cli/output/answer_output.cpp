#include "cli/output/output.hpp"

#include "cli/io/terminal.hpp"
#include "cli/output/text_wrap.hpp"

#include <algorithm>
#include <cstdio>

namespace backrelief::cli {

namespace {

ColorMode color_mode_named(std::string_view name) {
  return name == "always" ? ColorMode::always : name == "never" ? ColorMode::never : ColorMode::automatic;
}

} // namespace

std::string format_for_stdout(const AnswerView& answer, OutputOptions& options, std::string_view format,
                              std::string_view color) {
  if (format == "json") {
    return format_json(answer, options);
  }
  if (format == "tsv") {
    return format_tsv(answer, options);
  }
  options.palette = Palette::choose(color_mode_named(color), stdout);
  return wrap_text(format_text(answer, options), output_width(stdout));
}

} // namespace backrelief::cli
