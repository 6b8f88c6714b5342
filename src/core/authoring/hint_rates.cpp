#include "core/authoring/hint_rates.hpp"

#include "core/engine/screening.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace backrelief {

namespace {

bool carries_red_flag(const Scenario& scenario) {
  const auto& referral = scenario.expect.referral;
  return referral && *referral && **referral != ReferralLevel::routine;
}

} // namespace

std::vector<HintRate> hint_rates(const RuleSet& rules, std::span<const Scenario> scenarios) {
  std::vector<HintRate> rates;
  for (const Question& question : rules.questions()) {
    if (!question.hints.empty() || question.hint_when) {
      rates.push_back(HintRate{&question});
    }
  }
  for (const Scenario& scenario : scenarios) {
    if (scenario.input.description.empty()) {
      continue;
    }
    const Screening screening = screen(rules, make_profile(scenario.input, rules));
    const bool red_flag = carries_red_flag(scenario);
    for (HintRate& rate : rates) {
      const bool raised =
          std::find(screening.possible.begin(), screening.possible.end(), rate.question) != screening.possible.end();
      (red_flag ? rate.with_red_flag : rate.without_red_flag) += 1;
      (red_flag ? rate.raised_with_red_flag : rate.raised_without_red_flag) += raised ? 1 : 0;
    }
  }
  return rates;
}

std::vector<Diagnostic> hint_rate_warnings(std::span<const HintRate> rates, HintRateLimits limits) {
  std::vector<Diagnostic> warnings;
  for (const HintRate& rate : rates) {
    if (rate.without_red_flag == 0) {
      continue;
    }
    const bool emergency = rate.question->tier == ReferralLevel::emergency;
    const double limit = emergency ? limits.emergency : limits.other;
    const double share = static_cast<double>(rate.raised_without_red_flag) / static_cast<double>(rate.without_red_flag);
    if (share > limit) {
      Diagnostic warning;
      warning.where = rate.question->where;
      warning.message = fmt::format("the hints of question '{}' ask it under Check first for {} of {} scenario "
                                    "descriptions that carry no red flag ({:.0f}%), above the {:.0f}% allowed for {} "
                                    "sign; narrow its patterns",
                                    rate.question->id, rate.raised_without_red_flag, rate.without_red_flag, share * 100,
                                    limit * 100, emergency ? "an emergency" : "a");
      warnings.push_back(std::move(warning));
    }
  }
  return warnings;
}

} // namespace backrelief
