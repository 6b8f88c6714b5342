#include "core/engine/recommendation.hpp"

#include "core/engine/condition_evaluation.hpp"
#include "core/rules/rule_set.hpp"

#include <algorithm>
#include <utility>

namespace backrelief {

std::string_view evidence_summary() {
  return "Massage can give short-term relief and works best together with exercise and staying active.";
}

std::string_view disclaimer() {
  return "This is not a diagnosis or a treatment plan; if your pain changes or worries you, see a clinician.";
}

namespace {

void add_referral(Recommendation& result, const Rule& rule) {
  const Referral& referral = *rule.referral;
  if (!result.referral) {
    result.referral = ReferralOutcome{referral.level, {}, {}};
  }
  result.referral->level = std::max(result.referral->level, referral.level);
  result.referral->red_flags.push_back({&rule});
}

// The strongest level decides; its first rule's own advice wins over the default wording.
void settle_referral(ReferralOutcome& outcome) {
  std::stable_sort(outcome.red_flags.begin(), outcome.red_flags.end(), [](const RedFlag& a, const RedFlag& b) {
    return a.rule->referral->level > b.rule->referral->level;
  });
  const Referral& strongest = *outcome.red_flags.front().rule->referral;
  outcome.advice = strongest.advice.empty() ? default_referral_advice(outcome.level) : strongest.advice;
}

void apply(const Rule& rule, std::vector<TechniqueOutcome>& outcomes, Recommendation& result) {
  for (const Weight& weight : rule.weights) {
    outcomes[weight.technique].score += weight.value;
    outcomes[weight.technique].reasons.push_back({&rule, weight.value});
  }
  for (TechniqueId id : rule.excludes) {
    outcomes[id].exclusions.push_back({&rule, rule.because, {}});
  }
  for (const Caution& caution : rule.cautions) {
    outcomes[caution.technique].cautions.push_back({&rule, caution.text, {}});
  }
  if (rule.referral) {
    add_referral(result, rule);
  }
  if (!rule.advice.empty() &&
      std::find(result.advice.begin(), result.advice.end(), rule.advice) == result.advice.end()) {
    result.advice.push_back(rule.advice);
  }
}

} // namespace

std::vector<std::string> words_behind(const Rule& rule, const Profile& profile) {
  if (profile.text.facts.empty()) {
    return {}; // no words at all (most batch profiles): no need to list what the rule asks for
  }
  const std::vector<ConceptId> wanted = concepts_in(rule.when);
  std::vector<std::string> words;
  for (const TextFact& fact : profile.text.facts) {
    if (fact.affirmed() && std::find(wanted.begin(), wanted.end(), fact.concept_id) != wanted.end() &&
        std::find(words.begin(), words.end(), fact.from) == words.end()) {
      words.push_back(fact.from);
    }
  }
  return words;
}

Recommendation recommend(const RuleSet& rules, const Profile& profile, Tracing tracing) {
  Recommendation result;
  std::vector<TechniqueOutcome> outcomes(rules.techniques().size());
  for (std::size_t i = 0; i < outcomes.size(); ++i) {
    outcomes[i].technique = static_cast<TechniqueId>(i);
  }
  const RuleIndex* index = rules.index();
  if (tracing == Tracing::every_rule || index == nullptr) {
    if (tracing == Tracing::every_rule) {
      result.trace.reserve(rules.rules().size());
    }
    for (const Rule& rule : rules.rules()) {
      const ConditionFailure failure = evaluate(rule.when, profile);
      if (tracing == Tracing::every_rule) {
        result.trace.push_back({&rule, failure.condition == nullptr, failure.condition});
      }
      if (failure.condition == nullptr) {
        apply(rule, outcomes, result);
      }
    }
  } else {
    thread_local std::vector<std::uint32_t> candidates; // kept between calls: no allocation per profile
    index->candidates(profile.facts, profile.pressure, candidates);
    for (std::uint32_t position : candidates) {
      const Rule& rule = rules.rules()[position];
      if (evaluate(rule.when, profile).condition == nullptr) {
        apply(rule, outcomes, result);
      }
    }
  }
  for (TechniqueId id : profile.avoid) {
    outcomes[id].exclusions.push_back({nullptr, "you asked to avoid it", "avoided"});
  }
  if (result.referral) {
    settle_referral(*result.referral);
  }
  result.screening = screen(rules, profile);
  if (!result.stopped_by_referral()) {
    result.check_first = result.screening.possible;
    std::stable_sort(result.check_first.begin(), result.check_first.end(), [](const Question* a, const Question* b) {
      return a->tier.value_or(ReferralLevel::routine) > b->tier.value_or(ReferralLevel::routine);
    });
    result.answer_first = !result.check_first.empty() && result.check_first.front()->tier == ReferralLevel::emergency;
  }
  if (result.answer_first) {
    // A possible emergency is asked before anything is suggested.
    for (TechniqueOutcome& outcome : outcomes) {
      outcome.exclusions.insert(outcome.exclusions.begin(),
                                Note{nullptr, "answer the questions under 'Check first' first", "answer-first"});
    }
  }
  if (result.stopped_by_referral()) {
    // Self-care and massage advice would only distract from "see a clinician now".
    result.advice.clear();
    const std::string_view reason = result.referral->level == ReferralLevel::emergency
                                        ? "see a clinician first (emergency referral)"
                                        : "see a clinician first (urgent referral)";
    for (TechniqueOutcome& outcome : outcomes) {
      outcome.exclusions.insert(outcome.exclusions.begin(), Note{nullptr, reason, "referral"});
    }
  }
  for (TechniqueOutcome& outcome : outcomes) {
    (outcome.exclusions.empty() ? result.suggestions : result.excluded).push_back(std::move(outcome));
  }
  // Highest score first; a tie goes to the gentler technique, so that nothing known never puts
  // the firmest work first: the lower bottom of its pressure range, then the lower top, then the
  // order of declaration.
  const auto& techniques = rules.techniques();
  std::stable_sort(result.suggestions.begin(), result.suggestions.end(),
                   [&techniques](const TechniqueOutcome& a, const TechniqueOutcome& b) {
                     if (a.score != b.score) {
                       return a.score > b.score;
                     }
                     const Technique& first = techniques[a.technique];
                     const Technique& second = techniques[b.technique];
                     return std::pair(first.pressure_min, first.pressure_max) <
                            std::pair(second.pressure_min, second.pressure_max);
                   });
  for (std::size_t i = 0; i < result.suggestions.size(); ++i) {
    result.suggestions[i].rank = static_cast<int>(i + 1);
  }
  if (!result.suggestions.empty()) {
    const TechniqueOutcome& first = result.suggestions.front();
    std::vector<std::string_view> cautions;
    for (const Note& caution : first.cautions) {
      cautions.push_back(caution.text);
    }
    result.for_therapist = therapist_note(rules, profile, first.technique, cautions);
  }
  return result;
}

} // namespace backrelief
