#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace backrelief::cli {

/// `-f,--format FORMAT` and its short form `--json`: one name and one meaning in every command
/// that prints data (text for people; json, and tsv where the data is a table, for scripts).
struct FormatOption {
  std::string format = "text";
  bool json = false;

  /// "text", "json" or "tsv".
  [[nodiscard]] const std::string& chosen() const {
    static const std::string k_json = "json";
    return json ? k_json : format;
  }
};

/// Adds both options to `command`; `formats` lists what it prints, text first.
void add_format_option(CLI::App& command, FormatOption& option, const std::vector<std::string>& formats);

} // namespace backrelief::cli
