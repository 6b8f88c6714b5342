#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace backrelief::cli {

/// The two ways one row of a table is written for other programs (backrelief(1), Batch rows).
enum class RowFormat : std::uint8_t {
  csv, ///< RFC 4180: a field with a comma, a double quote or a line break goes in double quotes
  tsv  ///< fields between tabs; a tab or a line break inside a field becomes a space
};

/// Appends `fields` as one row, ended by a newline.
void append_row(std::string& out, const std::vector<std::string>& fields, RowFormat format);

/// Appends a header row of `names`.
void append_header(std::string& out, const std::vector<std::string_view>& names, RowFormat format);

} // namespace backrelief::cli
