#pragma once

#include "api/internals.hpp"
#include "cli/commands/batch.hpp"
#include "cli/output/table_row.hpp"
#include "core/rules/rule_set.hpp"

#include <optional>

namespace backrelief::cli {

/// Runs `analyze --batch`: what was understood from each line's description (the line's other
/// keys are read, so one file serves both commands, but say nothing to the reading), as one JSON
/// line, or with `rows` one CSV or TSV row per person, after a header unless `header` is false.
/// `year` dates "in 2019". Each description is read through the API (Recommender::analyze).
int run_analyze_batch(const Recommender& recommender, int year, std::optional<RowFormat> rows, bool header, int in,
                      const BatchInput& input);

} // namespace backrelief::cli
