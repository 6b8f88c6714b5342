#pragma once

#include "api/internals.hpp"
#include "cli/commands/batch.hpp"
#include "cli/output/output.hpp"
#include "cli/output/table_row.hpp"
#include "core/engine/profile.hpp"
#include "core/rules/rule_set.hpp"

#include <optional>
#include <string_view>

namespace backrelief::cli {

/// Runs `recommend --batch`: each line's profile, on top of `defaults` (the command line's and
/// the config file's: a line's own values override the single ones and add to the repeatable
/// ones), answered as one JSON line, or with `rows` as one CSV or TSV row per person
/// (backrelief(1), Batch). With `why_not`, each JSON answer also explains that technique's place.
/// Each line is answered through the API, as a program that embeds the library answers it.
int run_recommend_batch(const Recommender& recommender, const ProfileInput& defaults, const OutputOptions& options,
                        std::optional<TechniqueId> why_not, std::optional<RowFormat> rows, int in,
                        const BatchInput& input);

} // namespace backrelief::cli
