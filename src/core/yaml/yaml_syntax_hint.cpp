#include "core/yaml/yaml_syntax_hint.hpp"

#include <cctype>
#include <fmt/format.h>
#include <optional>
#include <tuple>
#include <vector>

namespace backrelief {

namespace {

std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    if (line.ends_with('\r')) {
      line.remove_suffix(1);
    }
    lines.push_back(line);
    if (end == std::string_view::npos) {
      break;
    }
    text.remove_prefix(end + 1);
  }
  return lines;
}

bool blank_or_comment(std::string_view line) {
  const std::size_t start = line.find_first_not_of(" \t");
  return start == std::string_view::npos || line[start] == '#';
}

std::size_t indent_of(std::string_view line) {
  return line.find_first_not_of(' ') == std::string_view::npos ? line.size() : line.find_first_not_of(' ');
}

// The first tab in the indentation of a line up to `last` (from 1), as (line, column).
std::optional<std::pair<int, int>> tab_in_indentation(const std::vector<std::string_view>& lines, int last) {
  for (int i = 0; i < last && i < static_cast<int>(lines.size()); ++i) {
    const std::string_view line = lines[static_cast<std::size_t>(i)];
    const std::size_t content = line.find_first_not_of(" \t");
    const std::size_t tab = line.find('\t');
    if (tab != std::string_view::npos && (content == std::string_view::npos || tab < content)) {
      return std::pair{i + 1, static_cast<int>(tab) + 1};
    }
  }
  return std::nullopt;
}

// The '{' or '[' that is still open where the text ends, or that a wrong bracket meets, as
// (line, column, bracket). Quoted text and comments are skipped.
std::optional<std::tuple<int, int, char>> unclosed_bracket(const std::vector<std::string_view>& lines) {
  std::vector<std::tuple<int, int, char>> open;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string_view line = lines[i];
    char quote = 0;
    for (std::size_t j = 0; j < line.size(); ++j) {
      const char c = line[j];
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
        continue;
      }
      if (c == '#' && (j == 0 || line[j - 1] == ' ')) {
        break;
      }
      if ((c == '"' || c == '\'') &&
          (j == 0 || std::string_view(" [{,:").find(line[j - 1]) != std::string_view::npos)) {
        quote = c;
      } else if (c == '{' || c == '[') {
        open.emplace_back(static_cast<int>(i) + 1, static_cast<int>(j) + 1, c);
      } else if (c == '}' || c == ']') {
        if (open.empty()) {
          continue;
        }
        if (std::get<2>(open.back()) != (c == '}' ? '{' : '[')) {
          return open.back();
        }
        open.pop_back();
      }
    }
  }
  if (open.empty()) {
    return std::nullopt;
  }
  return open.back();
}

} // namespace

Diagnostic explain_yaml_syntax(const std::string& file, std::string_view text, int line, int column,
                               const std::string& message) {
  const std::vector<std::string_view> lines = lines_of(text);
  if (const auto tab = tab_in_indentation(lines, line)) {
    return {{file, tab->first, tab->second},
            "YAML indents with spaces, not tabs: a tab here; replace it with spaces (two for each level)"};
  }
  if (message == "end of map flow not found" || message == "end of sequence flow not found") {
    if (const auto bracket = unclosed_bracket(lines)) {
      const auto [at_line, at_column, opener] = *bracket;
      return {{file, at_line, at_column},
              fmt::format("the '{}' here is never closed: end it with '{}' (invalid YAML: {})", opener,
                          opener == '{' ? '}' : ']', message)};
    }
  }
  const auto at = static_cast<std::size_t>(line - 1);
  if ((message == "end of map not found" || message == "end of sequence not found") && at < lines.size()) {
    // The line where a block ends that was not meant to: its indentation lines up with nothing.
    std::size_t above = at;
    while (above > 0 && blank_or_comment(lines[above - 1])) {
      --above;
    }
    const std::size_t mine = indent_of(lines[at]);
    const std::size_t theirs = above > 0 ? indent_of(lines[above - 1]) : 0;
    const bool item = lines[at].substr(mine).starts_with("- ") || lines[at].substr(mine) == "-";
    if (above > 0 && mine == theirs && item && !lines[above - 1].substr(theirs).starts_with('-')) {
      return {{file, line, static_cast<int>(mine) + 1},
              fmt::format("a list item ('-') where the keys of a mapping go: give it a key, or indent it under "
                          "the key whose list it is (invalid YAML: {})",
                          message)};
    }
    if (above > 0 && mine != theirs && !blank_or_comment(lines[at])) {
      return {{file, line, static_cast<int>(mine) + 1},
              fmt::format("this line is indented {} space{}, the one above ({}:{}) {}: the keys of one "
                          "mapping, and the '-' of each item of one list, start in the same column "
                          "(invalid YAML: {})",
                          mine, mine == 1 ? "" : "s", above, theirs + 1, theirs, message)};
    }
  }
  if (message == "illegal map value" && at < lines.size()) {
    const std::string_view source = lines[at];
    const std::size_t start = source.find_first_not_of(" -");
    const std::size_t colon = source.find(": ", start == std::string_view::npos ? 0 : start);
    const bool second_colon = colon != std::string_view::npos && source.find(": ", colon + 2) != std::string_view::npos;
    std::size_t above = at;
    while (above > 0 && blank_or_comment(lines[above - 1])) {
      --above;
    }
    if (!second_colon && above > 0 && indent_of(source) > indent_of(lines[above - 1]) &&
        !lines[above - 1].ends_with(':')) {
      // "goals: relief" then "  areas: neck": the deeper line reads as more of the value above.
      const std::size_t theirs = indent_of(lines[above - 1]);
      return {{file, line, static_cast<int>(indent_of(source)) + 1},
              fmt::format("this key is indented under the line above ({}:{}), which has its value already: line "
                          "it up with that line's key (invalid YAML: {})",
                          above, theirs + 1, message)};
    }
    if (start != std::string_view::npos && second_colon) {
      const std::string_view key = source.substr(start, colon - start);
      const std::string_view value = source.substr(colon + 2);
      return {{file, line, column},
              fmt::format("a second ': ' in one line: a value that holds a colon and a space goes in quotes, as in "
                          "{}: \"{}\" (invalid YAML: {})",
                          key, value, message)};
    }
  }
  return {{file, line, column}, fmt::format("invalid YAML: {}", message)};
}

std::string missing_space_hint(std::string_view scalar) {
  const std::size_t colon = scalar.find(':');
  if (colon == 0 || colon == std::string_view::npos || colon + 1 >= scalar.size() ||
      std::isalnum(static_cast<unsigned char>(scalar[colon + 1])) == 0) {
    return {}; // "see: a doctor" is a key and its value already; "http://x" is neither
  }
  const std::string_view key = scalar.substr(0, colon);
  for (const char c : key) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '_')) {
      return {};
    }
  }
  return fmt::format("; '{}' needs a space after its colon to be a key and its value: '{}: {}'", scalar, key,
                     scalar.substr(colon + 1));
}

} // namespace backrelief
