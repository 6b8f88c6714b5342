#include "cli/output/output.hpp"

#include "cli/output/tsv_field.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <iterator>

namespace backrelief::cli {

std::string format_tsv(const AnswerView& answer, const OutputOptions& options) {
  std::string out = options.tsv_header ? "rank\ttechnique\tscore\treasons\n" : "";
  const Recommendation& result = answer.recommendation;
  const std::size_t count = shown_count(result, options);
  for (std::size_t i = 0; i < count; ++i) {
    const TechniqueOutcome& outcome = result.suggestions[i];
    std::vector<std::string> reasons;
    for (const Contribution& reason : outcome.reasons) {
      reasons.push_back(tsv_field(fmt::format("{} ({:+g})", reason.rule->because, reason.weight)));
    }
    fmt::format_to(std::back_inserter(out), "{}\t{}\t{:.1f}\t{}\n", outcome.rank,
                   answer.rules.techniques()[outcome.technique].id, outcome.score, fmt::join(reasons, "; "));
  }
  return out;
}

} // namespace backrelief::cli
