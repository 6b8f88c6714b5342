#pragma once

#include "cli/output/output.hpp"
#include "core/engine/profile.hpp"
#include "core/rules/rule_set.hpp"

namespace backrelief::cli {

/// Runs `recommend --batch`: one JSON profile per line of the file descriptor `in`, one JSON result per line of
/// standard output, each carrying its input line number; a line that cannot be read gives an error
/// record and the batch goes on. `defaults` (the command-line options) apply to every line;
/// a line's own values override the single ones and add to the repeatable ones.
/// With `why_not`, each answer also explains that technique's place. Lines are numbered from
/// `first_line` (a part of a larger file keeps the numbers of the whole). Returns the exit status:
/// 0, or 1 when some line failed.
int run_batch(const RuleSet& rules, const ProfileInput& defaults, const OutputOptions& options,
              std::optional<TechniqueId> why_not, int in, std::size_t first_line = 1);

} // namespace backrelief::cli
