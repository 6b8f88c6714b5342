#pragma once

#include <algorithm>
#include <string>

namespace backrelief::cli {

/// A TSV field: a tab or a line break inside it becomes a space, so it never breaks the line or
/// the columns (backrelief(1), TSV).
inline std::string tsv_field(std::string text) {
  std::replace_if(
      text.begin(), text.end(), [](char c) { return c == '\t' || c == '\n' || c == '\r'; }, ' ');
  return text;
}

} // namespace backrelief::cli
