#pragma once

#include "cli/output/output.hpp"
#include "core/engine/profile.hpp"
#include "core/rules/rule_set.hpp"

#include <string>
#include <utility>
#include <vector>

namespace backrelief::cli {

/// What a batch reads: JSON Lines, or RFC 4180 CSV with a header row.
struct BatchInput {
  bool csv = false;
  std::vector<std::pair<std::string, std::string>> columns; ///< --column KEY=HEADER, for CSV
};

/// Runs `recommend --batch`: one JSON profile per line of the file descriptor `in`, one JSON result per line of
/// standard output, each carrying its input line number; a line that cannot be read gives an error
/// record and the batch goes on. `defaults` (the command-line options) apply to every line;
/// a line's own values override the single ones and add to the repeatable ones.
/// With `why_not`, each answer also explains that technique's place. Lines are numbered from
/// `first_line` (a part of a larger file keeps the numbers of the whole); CSV rows are numbered
/// as a spreadsheet shows them, the header row being 1. Returns the exit status:
/// 0, or 1 when some line failed.
int run_batch(const RuleSet& rules, const ProfileInput& defaults, const OutputOptions& options,
              std::optional<TechniqueId> why_not, int in, std::size_t first_line = 1, const BatchInput& input = {});

} // namespace backrelief::cli
