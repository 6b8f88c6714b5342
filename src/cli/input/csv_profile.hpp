#pragma once

#include "cli/input/batch_line.hpp"
#include "core/engine/profile.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace backrelief::cli {

/// Which batch key each column of a CSV file gives, from its header row.
struct CsvColumns {
  std::vector<std::optional<std::string>> key_of; ///< by column: a batch key, or nothing (not read)
  std::vector<std::string> unread;                ///< the headers of the columns not read
};

/// Maps the header row to the keys of a batch line (description, pressure, goal, goals, area,
/// areas, condition, conditions, avoid, age, duration, intensity, id): a header names its key,
/// ignoring case and surrounding spaces, unless `chosen` (--column KEY=HEADER) names the column
/// for a key, or for "-" (a column left out on purpose). Throws Error (invalid_input) for an
/// unknown key, a header that is not in the file (with did-you-mean), a key given by two
/// columns, a header row that gives no key at all, or one where no column gives the
/// description while some column is not read (it may be the person's words).
CsvColumns map_csv_columns(const std::vector<std::string>& header,
                           const std::vector<std::pair<std::string, std::string>>& chosen);

/// One data row as a profile: text as spreadsheets write it (numbers as text; a list column
/// split on ';'; an empty cell is no value), its `id` cell, if any, into `tags`. Throws Error
/// (invalid_input) saying which column is wrong and what was expected.
ProfileInput profile_from_csv_row(const std::vector<std::string>& row, const CsvColumns& columns, BatchLineTags& tags);

/// True for a row whose cells are all empty (a blank line in the file, or ",,,"): skipped.
bool blank_csv_row(const std::vector<std::string>& row);

} // namespace backrelief::cli
