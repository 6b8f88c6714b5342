#include "core/engine/condition_evaluation.hpp"
#include "core/engine/recommendation.hpp"
#include "core/rules/condition_description.hpp"

#include "core/rules/rule_loader.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>
#include <string>
#include <vector>

namespace backrelief {
namespace {

using test_support::load_text;

// Three techniques and a few concepts; each test appends the rules it is about.
const std::string k_definitions = R"(version: 1
techniques:
  - {id: swedish, name: Swedish, summary: Gentle strokes., pressure: [low, medium]}
  - {id: deep-tissue, name: Deep tissue, summary: Firm work., pressure: [medium, firm]}
  - {id: myofascial, name: Myofascial, summary: Slow holds., pressure: [low, medium]}
concepts:
  - {id: relaxation, kind: goal, name: relaxation}
  - {id: neck, kind: area, name: neck}
  - {id: blood-thinners, kind: condition, name: blood thinners}
  - {id: fever, kind: condition, name: fever}
  - {id: numbness, kind: condition, name: numbness}
  - {id: stiffness, kind: condition, name: stiffness}
)";

ProfileInput input_with(std::optional<std::string> pressure, std::vector<std::string> conditions = {}) {
  ProfileInput input;
  input.pressure = std::move(pressure);
  input.conditions = std::move(conditions);
  return input;
}

/// The technique ids of outcomes, in their order.
std::vector<std::string> ids_of(const RuleSet& rules, const std::vector<TechniqueOutcome>& outcomes) {
  std::vector<std::string> ids;
  for (const TechniqueOutcome& outcome : outcomes) {
    ids.push_back(rules.techniques()[outcome.technique].id);
  }
  return ids;
}

/// The outcome of one technique, wherever it ended up.
const TechniqueOutcome& outcome_of(const Recommendation& result, const RuleSet& rules, std::string_view id) {
  const TechniqueId technique = *rules.find_technique(id);
  for (const auto* list : {&result.suggestions, &result.excluded}) {
    for (const TechniqueOutcome& outcome : *list) {
      if (outcome.technique == technique) {
        return outcome;
      }
    }
  }
  throw std::logic_error("technique missing from the recommendation");
}

TEST(Recommend, WithoutRulesTheGentlestComeFirst) {
  const RuleSet rules = load_text(k_definitions);
  const Recommendation result = recommend(rules, make_profile(ProfileInput{}, rules));
  EXPECT_EQ(ids_of(rules, result.suggestions), (std::vector<std::string>{"swedish", "myofascial", "deep-tissue"}));
  EXPECT_EQ(result.suggestions[0].rank, 1);
  EXPECT_EQ(result.suggestions[1].rank, 2);
  EXPECT_EQ(result.suggestions[2].rank, 3);
  EXPECT_TRUE(result.excluded.empty());
  EXPECT_FALSE(result.referral.has_value());
  EXPECT_FALSE(result.stopped_by_referral());
  EXPECT_TRUE(result.advice.empty());
  EXPECT_TRUE(result.trace.empty());
}

TEST(Recommend, SumsTheScoresOfEveryFiringRule) {
  const RuleSet rules = load_text(k_definitions + R"(
rules:
  - {id: low-likes-swedish, when: {pressure: low}, score: {swedish: 2, deep-tissue: -3}, because: a}
  - {id: low-likes-swedish-more, when: {pressure: low}, score: {swedish: 1.5, myofascial: 1}, because: b}
  - {id: firm-likes-deep, when: {pressure: firm}, score: {deep-tissue: 10}, because: c}
)");
  const Recommendation result = recommend(rules, make_profile(input_with("low"), rules));
  EXPECT_EQ(ids_of(rules, result.suggestions), (std::vector<std::string>{"swedish", "myofascial", "deep-tissue"}));
  const TechniqueOutcome& swedish = result.suggestions[0];
  EXPECT_EQ(swedish.score, 3.5);
  ASSERT_EQ(swedish.reasons.size(), 2U);
  EXPECT_EQ(swedish.reasons[0].rule, rules.find_rule("low-likes-swedish"));
  EXPECT_EQ(swedish.reasons[0].weight, 2.0);
  EXPECT_EQ(swedish.reasons[1].rule, rules.find_rule("low-likes-swedish-more"));
  EXPECT_EQ(swedish.reasons[1].weight, 1.5);
  EXPECT_EQ(result.suggestions[1].score, 1.0);
  EXPECT_EQ(result.suggestions[2].score, -3.0);
  EXPECT_EQ(result.suggestions[2].reasons.size(), 1U);
}

TEST(Recommend, ExclusionBeatsAnyScore) {
  const RuleSet rules = load_text(k_definitions + R"(
rules:
  - {id: love-deep, score: {deep-tissue: 100}, because: Everyone loves it.}
  - id: thinners-no-deep
    when: {condition: blood-thinners}
    exclude: deep-tissue
    because: Deep pressure can cause bruising.
)");
  const Recommendation result = recommend(rules, make_profile(input_with(std::nullopt, {"blood-thinners"}), rules));
  EXPECT_EQ(ids_of(rules, result.suggestions), (std::vector<std::string>{"swedish", "myofascial"}));
  ASSERT_EQ(ids_of(rules, result.excluded), std::vector<std::string>{"deep-tissue"});
  const TechniqueOutcome& deep = result.excluded[0];
  EXPECT_EQ(deep.score, 100.0);
  EXPECT_EQ(deep.rank, 0);
  ASSERT_EQ(deep.exclusions.size(), 1U);
  EXPECT_EQ(deep.exclusions[0].rule, rules.find_rule("thinners-no-deep"));
  EXPECT_EQ(deep.exclusions[0].text, "Deep pressure can cause bruising.");
}

TEST(Recommend, ExcludedTechniquesKeepDeclarationOrder) {
  const RuleSet rules = load_text(k_definitions + R"(
rules:
  - {id: out, exclude: [myofascial, swedish], score: {myofascial: 5}, because: a}
)");
  const Recommendation result = recommend(rules, make_profile(ProfileInput{}, rules));
  EXPECT_EQ(ids_of(rules, result.excluded), (std::vector<std::string>{"swedish", "myofascial"}));
  EXPECT_EQ(ids_of(rules, result.suggestions), std::vector<std::string>{"deep-tissue"});
  EXPECT_EQ(result.suggestions[0].rank, 1);
}

TEST(Recommend, AvoidExcludesWithANoteOfItsOwn) {
  const RuleSet rules = load_text(k_definitions + R"(
rules:
  - {id: love-swedish, score: {swedish: 5}, because: a}
)");
  ProfileInput input;
  input.avoid = {"swedish"};
  const Recommendation result = recommend(rules, make_profile(input, rules));
  EXPECT_EQ(ids_of(rules, result.suggestions), (std::vector<std::string>{"myofascial", "deep-tissue"}));
  ASSERT_EQ(ids_of(rules, result.excluded), std::vector<std::string>{"swedish"});
  ASSERT_EQ(result.excluded[0].exclusions.size(), 1U);
  EXPECT_EQ(result.excluded[0].exclusions[0].rule, nullptr);
  EXPECT_EQ(result.excluded[0].exclusions[0].text, "you asked to avoid it");
}

TEST(Recommend, TiesGoToTheGentlerThenToDeclarationOrder) {
  const RuleSet rules = load_text(k_definitions + R"(
rules:
  - {id: even, score: {myofascial: 2, deep-tissue: 2, swedish: 1}, because: a}
)");
  const Recommendation result = recommend(rules, make_profile(ProfileInput{}, rules));
  // Myofascial's range starts lower than deep tissue's, though it is declared later.
  EXPECT_EQ(ids_of(rules, result.suggestions), (std::vector<std::string>{"myofascial", "deep-tissue", "swedish"}));
  EXPECT_EQ(result.suggestions[0].rank, 1);
  EXPECT_EQ(result.suggestions[1].rank, 2);
  EXPECT_EQ(result.suggestions[2].rank, 3);
  const RuleSet same_range = load_text(k_definitions + R"(
rules:
  - {id: even, score: {myofascial: 2, swedish: 2}, because: a}
)");
  EXPECT_EQ(ids_of(same_range, recommend(same_range, make_profile(ProfileInput{}, same_range)).suggestions),
            (std::vector<std::string>{"swedish", "myofascial", "deep-tissue"}));
}

TEST(Recommend, RecordsCautionsInRuleOrder) {
  const RuleSet rules = load_text(k_definitions + R"(
rules:
  - {id: first, caution: {swedish: Go gently.}, because: a}
  - {id: second, caution: {swedish: Tell the therapist., myofascial: Short holds.}, because: b}
)");
  const Recommendation result = recommend(rules, make_profile(ProfileInput{}, rules));
  const TechniqueOutcome& swedish = outcome_of(result, rules, "swedish");
  ASSERT_EQ(swedish.cautions.size(), 2U);
  EXPECT_EQ(swedish.cautions[0].rule, rules.find_rule("first"));
  EXPECT_EQ(swedish.cautions[0].text, "Go gently.");
  EXPECT_EQ(swedish.cautions[1].rule, rules.find_rule("second"));
  EXPECT_EQ(swedish.cautions[1].text, "Tell the therapist.");
  EXPECT_TRUE(swedish.exclusions.empty());
  EXPECT_EQ(outcome_of(result, rules, "myofascial").cautions.size(), 1U);
  EXPECT_TRUE(outcome_of(result, rules, "deep-tissue").cautions.empty());
}

TEST(Recommend, UrgentReferralStopsEverySuggestion) {
  const RuleSet rules = load_text(k_definitions + R"(
rules:
  - {id: stay-active, advice: Keep moving., because: a}
  - {id: love-swedish, score: {swedish: 3}, because: b}
  - {id: thinners, when: {condition: blood-thinners}, exclude: deep-tissue, because: Bruising.}
  - {id: fever, when: {condition: fever}, refer: urgent, because: Fever needs a doctor.}
)");
  const Recommendation result =
      recommend(rules, make_profile(input_with(std::nullopt, {"fever", "blood-thinners"}), rules));
  EXPECT_TRUE(result.stopped_by_referral());
  EXPECT_TRUE(result.suggestions.empty());
  EXPECT_TRUE(result.advice.empty());
  ASSERT_TRUE(result.referral.has_value());
  EXPECT_EQ(result.referral->level, ReferralLevel::urgent);
  EXPECT_EQ(result.referral->advice, default_referral_advice(ReferralLevel::urgent));
  ASSERT_EQ(result.referral->red_flags.size(), 1U);
  EXPECT_EQ(result.referral->red_flags[0].rule, rules.find_rule("fever"));
  EXPECT_EQ(ids_of(rules, result.excluded), (std::vector<std::string>{"swedish", "deep-tissue", "myofascial"}));
  for (const TechniqueOutcome& outcome : result.excluded) {
    EXPECT_EQ(outcome.rank, 0);
    ASSERT_FALSE(outcome.exclusions.empty());
    EXPECT_EQ(outcome.exclusions[0].rule, nullptr);
    EXPECT_EQ(outcome.exclusions[0].text, "see a clinician first (urgent referral)");
  }
  // The rule's own exclusion stays, after the referral.
  const TechniqueOutcome& deep = outcome_of(result, rules, "deep-tissue");
  ASSERT_EQ(deep.exclusions.size(), 2U);
  EXPECT_EQ(deep.exclusions[1].text, "Bruising.");
}

TEST(Recommend, EmergencyOutranksUrgentAndUsesItsOwnAdvice) {
  const RuleSet rules = load_text(k_definitions + R"(
rules:
  - {id: fever, when: {condition: fever}, refer: urgent, because: a}
  - id: numbness
    when: {condition: numbness}
    refer: {level: emergency, advice: Call an ambulance.}
    because: b
  - {id: stiffness, when: {condition: stiffness}, refer: routine, because: c}
)");
  const Recommendation result =
      recommend(rules, make_profile(input_with(std::nullopt, {"stiffness", "fever", "numbness"}), rules));
  ASSERT_TRUE(result.referral.has_value());
  EXPECT_EQ(result.referral->level, ReferralLevel::emergency);
  EXPECT_EQ(result.referral->advice, "Call an ambulance.");
  ASSERT_EQ(result.referral->red_flags.size(), 3U);
  EXPECT_EQ(result.referral->red_flags[0].rule, rules.find_rule("numbness"));
  EXPECT_EQ(result.referral->red_flags[1].rule, rules.find_rule("fever"));
  EXPECT_EQ(result.referral->red_flags[2].rule, rules.find_rule("stiffness"));
  EXPECT_TRUE(result.suggestions.empty());
  ASSERT_EQ(result.excluded.size(), 3U);
  EXPECT_EQ(result.excluded[0].exclusions[0].text, "see a clinician first (emergency referral)");
}

TEST(Recommend, ReferralAdviceIsTheFirstStrongestRulesOwnOrTheDefault) {
  const RuleSet rules = load_text(k_definitions + R"(
rules:
  - {id: stiffness, when: {condition: stiffness}, refer: {level: routine, advice: See a physio.}, because: a}
  - {id: fever, when: {condition: fever}, refer: urgent, because: b}
  - {id: numbness, when: {condition: numbness}, refer: {level: urgent, advice: See a doctor today.}, because: c}
)");
  const Recommendation result =
      recommend(rules, make_profile(input_with(std::nullopt, {"numbness", "fever", "stiffness"}), rules));
  ASSERT_TRUE(result.referral.has_value());
  EXPECT_EQ(result.referral->level, ReferralLevel::urgent);
  // "fever" is the first urgent rule and has no advice of its own, so the default wording is used.
  EXPECT_EQ(result.referral->advice, default_referral_advice(ReferralLevel::urgent));
  ASSERT_EQ(result.referral->red_flags.size(), 3U);
  EXPECT_EQ(result.referral->red_flags[0].rule, rules.find_rule("fever"));
  EXPECT_EQ(result.referral->red_flags[1].rule, rules.find_rule("numbness"));
  EXPECT_EQ(result.referral->red_flags[2].rule, rules.find_rule("stiffness"));
}

TEST(Recommend, RoutineReferralKeepsSuggestionsAndAdvice) {
  const RuleSet rules = load_text(k_definitions + R"(
rules:
  - {id: stay-active, advice: Keep moving., because: a}
  - {id: love-myofascial, score: {myofascial: 1}, because: b}
  - {id: stiffness, when: {condition: stiffness}, refer: routine, because: c}
)");
  const Recommendation result = recommend(rules, make_profile(input_with(std::nullopt, {"stiffness"}), rules));
  EXPECT_FALSE(result.stopped_by_referral());
  ASSERT_TRUE(result.referral.has_value());
  EXPECT_EQ(result.referral->level, ReferralLevel::routine);
  EXPECT_EQ(result.referral->advice, default_referral_advice(ReferralLevel::routine));
  EXPECT_EQ(ids_of(rules, result.suggestions), (std::vector<std::string>{"myofascial", "swedish", "deep-tissue"}));
  EXPECT_TRUE(result.excluded.empty());
  EXPECT_EQ(result.advice, std::vector<std::string_view>{"Keep moving."});
}

TEST(Recommend, AdviceIsGivenOnceInRuleOrder) {
  const RuleSet rules = load_text(k_definitions + R"(
rules:
  - {id: a, advice: Keep moving., because: a}
  - {id: b, advice: Stretch daily., because: b}
  - {id: c, advice: Keep moving., because: c}
  - {id: d, when: {pressure: firm}, advice: Drink water., because: d}
)");
  const Recommendation result = recommend(rules, make_profile(ProfileInput{}, rules));
  EXPECT_EQ(result.advice, (std::vector<std::string_view>{"Keep moving.", "Stretch daily."}));
}

TEST(Recommend, TraceRecordsEveryRuleAndItsFailingCondition) {
  const RuleSet rules = load_text(k_definitions + R"(
rules:
  - {id: always, score: {swedish: 1}, because: a}
  - {id: low, when: {pressure: low}, score: {swedish: 1}, because: b}
  - id: low-neck
    when: {all: [{pressure: low}, {area: neck}]}
    score: {myofascial: 1}
    because: c
)");
  const Recommendation result = recommend(rules, make_profile(input_with("low"), rules), Tracing::every_rule);
  ASSERT_EQ(result.trace.size(), 3U);
  EXPECT_EQ(result.trace[0].rule, rules.find_rule("always"));
  EXPECT_TRUE(result.trace[0].fired);
  EXPECT_EQ(result.trace[0].failed, nullptr);
  EXPECT_EQ(result.trace[1].rule, rules.find_rule("low"));
  EXPECT_TRUE(result.trace[1].fired);
  EXPECT_EQ(result.trace[1].failed, nullptr);
  const Rule& low_neck = *rules.find_rule("low-neck");
  EXPECT_EQ(result.trace[2].rule, &low_neck);
  EXPECT_FALSE(result.trace[2].fired);
  ASSERT_EQ(low_neck.when.children.size(), 2U);
  EXPECT_EQ(result.trace[2].failed, &low_neck.when.children[1]);
  EXPECT_EQ(describe(*result.trace[2].failed, rules), "area neck");
  EXPECT_EQ(outcome_of(result, rules, "myofascial").score, 0.0);
}

TEST(Recommend, TraceRecordsALeafConditionItself) {
  const RuleSet rules = load_text(k_definitions + R"(
rules:
  - {id: firm, when: {pressure: firm}, score: {deep-tissue: 1}, because: a}
)");
  const Recommendation result = recommend(rules, make_profile(input_with("low"), rules), Tracing::every_rule);
  ASSERT_EQ(result.trace.size(), 1U);
  EXPECT_FALSE(result.trace[0].fired);
  EXPECT_EQ(result.trace[0].failed, &rules.find_rule("firm")->when);
  EXPECT_EQ(describe_seen(*result.trace[0].failed, make_profile(input_with("low"), rules), rules), "pressure low");
}

TEST(Recommend, FixedTexts) {
  EXPECT_EQ(evidence_summary(),
            "Massage can give short-term relief and works best together with exercise and staying active.");
  EXPECT_EQ(disclaimer(),
            "This is not a diagnosis or a treatment plan; if your pain changes or worries you, see a clinician.");
}

} // namespace
} // namespace backrelief
