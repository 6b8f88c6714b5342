#pragma once

#include "cli/output/output.hpp"
#include "cli/output/table_row.hpp"
#include "core/engine/profile.hpp"
#include "core/rules/rule_set.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace backrelief::cli {

/// The columns of `recommend --batch --format csv` (or tsv): one row per person (backrelief(1),
/// Batch rows). Every row has them all, a failed line's included.
const std::vector<std::string_view>& recommendation_columns();

/// One person's answer as the fields of recommendation_columns(); `options` gives the line number,
/// the id and meta, and how many suggestions to rank (--top).
std::vector<std::string> recommendation_row(const AnswerView& answer, const OutputOptions& options);

/// The columns of `analyze --batch --format csv` (or tsv).
const std::vector<std::string_view>& analysis_columns();

/// What was understood from one description, as the fields of analysis_columns().
std::vector<std::string> analysis_row(const Profile& profile, const RuleSet& rules, const OutputOptions& options);

/// The row of a line that could not be used: its number, id and meta, the outcome "error" and
/// the message in the last column, the others empty.
std::vector<std::string> failure_row(std::size_t columns, const OutputOptions& options, std::string_view message);

/// Appends the record of a line that could not be used: with `rows`, its row of `columns`
/// columns; without, the JSON error record.
void append_failure(JsonWriter& out, const OutputOptions& options, std::string_view message,
                    std::optional<RowFormat> rows, std::size_t columns);

} // namespace backrelief::cli
