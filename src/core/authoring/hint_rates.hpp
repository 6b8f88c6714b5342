#pragma once

#include "core/authoring/scenario.hpp"
#include "core/model/question.hpp"
#include "core/rules/rule_set.hpp"
#include "core/util/diagnostic.hpp"

#include <cstddef>
#include <span>
#include <vector>

namespace backrelief {

/// How often one warning-sign question's hints ask it under "Check first", over the scenario
/// descriptions: those that carry no red flag (each such check is a false alarm) and those that do.
struct HintRate {
  const Question* question = nullptr;
  std::size_t raised_without_red_flag = 0;
  std::size_t without_red_flag = 0; ///< descriptions whose scenario expects no urgent or emergency referral
  std::size_t raised_with_red_flag = 0;
  std::size_t with_red_flag = 0;
};

/// The rates of every question with hints, in the rules' order. Only scenarios with a
/// description count; one that expects an urgent or emergency referral carries a red flag.
std::vector<HintRate> hint_rates(const RuleSet& rules, std::span<const Scenario> scenarios);

/// The highest share of descriptions without a red flag that may raise a check: an emergency
/// check withholds every suggestion, so it must be rarer than the others.
struct HintRateLimits {
  double emergency = 0.10;
  double other = 0.20;
};

/// A warning, at the question, for each hint that raises checks on more descriptions without a
/// red flag than the limits allow.
std::vector<Diagnostic> hint_rate_warnings(std::span<const HintRate> rates, HintRateLimits limits = {});

} // namespace backrelief
