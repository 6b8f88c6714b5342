#include "cli/input/format_option.hpp"

#include "cli/input/choice.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace backrelief::cli {

void add_format_option(CLI::App& command, FormatOption& option, const std::vector<std::string>& formats) {
  std::string names = fmt::format("{}", fmt::join(formats.begin(), formats.end() - 1, ", "));
  names += fmt::format(" or {}", formats.back());
  command.add_option("-f,--format", option.format, fmt::format("Output format: {}", names))
      ->type_name("FORMAT")
      ->transform(choice(formats));
  command.add_flag("--json", option.json, "Short for --format json"); // and wins, as in recommend
}

} // namespace backrelief::cli
