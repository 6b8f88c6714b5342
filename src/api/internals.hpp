#pragma once

#include "core/engine/profile.hpp"
#include "core/engine/recommendation.hpp"
#include "core/rules/rule_set.hpp"

#include <backrelief/analysis.hpp>
#include <backrelief/answer.hpp>
#include <backrelief/recommender.hpp>

#include <memory>
#include <mutex>
#include <optional>
#include <vector>

// The definitions behind the public classes' opaque state. The front end reads them too, for what
// the API does not offer (text output, why-not, the authoring commands); docs/ARCHITECTURE.md
// names each such use.
namespace backrelief {

/// Data worked out on first read, once, by whichever thread reads first; later reads share it.
template <class Data>
class BuiltOnce {
public:
  /// The data, made by `build(Data&)` on the first call.
  template <class Build>
  const Data& get(Build build) const {
    std::call_once(m_built, [&] { build(m_data); });
    return m_data;
  }

private:
  mutable std::once_flag m_built;
  mutable Data m_data;
};

struct Recommender::Rules {
  std::shared_ptr<const RuleSet> rules;
};

struct Answer::State {
  /// The answer for `profile`, worked out in place (a batch makes one per line).
  State(std::shared_ptr<const RuleSet> rule_set, Profile resolved, Tracing tracing)
      : rules(std::move(rule_set)), profile(std::move(resolved)), recommendation(recommend(*rules, profile, tracing)) {}

  std::shared_ptr<const RuleSet> rules; ///< keeps alive what the recommendation points into
  Profile profile;
  Recommendation recommendation;

  /// The answer as public data, built on first read (a batch that writes JSON never needs it).
  struct Data {
    std::optional<ClinicianReferral> referral;
    std::vector<SignQuestion> check_first;
    std::vector<Suggestion> suggestions;
    std::vector<Exclusion> excluded;
    std::vector<std::string> advice;
    std::optional<TherapistBrief> for_therapist;
    SignScreening screening;
  };
  [[nodiscard]] const Data& data() const;

private:
  BuiltOnce<Data> m_data;
};

struct Analysis::State {
  /// The analysis of a description, resolved against `rule_set`.
  State(std::shared_ptr<const RuleSet> rule_set, Profile resolved)
      : rules(std::move(rule_set)), profile(std::move(resolved)) {}

  std::shared_ptr<const RuleSet> rules;
  Profile profile;

  struct Data {
    std::vector<Finding> findings;
    std::optional<NumberFound> age;
    std::optional<NumberFound> duration_weeks;
    std::optional<NumberFound> intensity;
  };
  [[nodiscard]] const Data& data() const;

private:
  BuiltOnce<Data> m_data;
};

/// The library's own way into the state of the public classes.
struct Internals {
  /// The rule set a Recommender holds.
  static const std::shared_ptr<const RuleSet>& rules(const Recommender& recommender) {
    return recommender.m_rules->rules;
  }
  /// The state of an answer, for the front end's own formats.
  static const Answer::State& state(const Answer& answer) { return *answer.m_state; }
  /// The state of an analysis.
  static const Analysis::State& state(const Analysis& analysis) { return *analysis.m_state; }
};

/// A Recommender over rules the front end loaded itself (its own paths, standard input). Unlike
/// Recommender::load(), it leaves the vocabulary to be built on first use: one thread only.
Recommender recommender_over(std::shared_ptr<const RuleSet> rules);

/// The rules' answer for a profile, with every rule's trace when asked (the front end's
/// `--trace`, which the public API leaves out). Throws Error as Recommender::recommend() does.
Answer answer_for(const Recommender& recommender, const ProfileInput& profile, Tracing tracing);

} // namespace backrelief
