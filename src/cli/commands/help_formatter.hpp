#pragma once

#include <CLI/CLI.hpp>
#include <string>

namespace backrelief::cli {

/// An option's placeholder as --help shows it ("N", "ID"): CLI11 appends its validators' notes
/// to the type name after a ':'.
inline std::string placeholder_of(const CLI::Option& option) {
  const std::string name = option.get_type_name();
  return name.substr(0, name.find(':'));
}

/// `--help` in the house voice: an option shows its placeholder ("N", "FORMAT") and "..." when it
/// repeats, never CLI11's validator notes ("UINT in [1 - 1000000]", "text|json|tsv") or
/// "Excludes: --no-config"; the values and limits are in each option's own description.
class HelpFormatter : public CLI::Formatter {
public:
  std::string make_option_opts(const CLI::Option* option) const override {
    if (!option->get_option_text().empty()) {
      return " " + option->get_option_text();
    }
    std::string out;
    if (option->get_type_size() != 0) {
      const std::string placeholder = placeholder_of(*option);
      if (!placeholder.empty()) {
        out += " " + placeholder;
      }
      if (option->get_expected_max() == CLI::detail::expected_max_vector_size) {
        out += " ...";
      }
      if (option->get_required()) {
        out += " (required)";
      }
    }
    return out;
  }
};

} // namespace backrelief::cli
