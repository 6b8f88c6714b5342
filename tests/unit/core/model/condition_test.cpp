#include "core/model/condition.hpp"

#include "core/engine/profile.hpp"
#include "core/rules/rule_set.hpp"

#include <gtest/gtest.h>
#include <initializer_list>
#include <string>
#include <vector>

namespace backrelief {
namespace {

// Concept ids of the rule set built by make_rules().
constexpr ConceptId k_neck = 0;
constexpr ConceptId k_lower_back = 1;
constexpr ConceptId k_pregnancy = 2;
constexpr ConceptId k_numbness = 3;

RuleSet make_rules() {
  RuleSet rules;
  rules.add_concept(Concept{"neck", ConceptKind::area, "neck", {}, {}, true, false, {}});
  rules.add_concept(Concept{"lower-back", ConceptKind::area, "lower back", {}, {}, true, false, {}});
  rules.add_concept(Concept{"pregnancy", ConceptKind::condition, "pregnancy", {}, {}, true, false, {}});
  rules.add_concept(Concept{"numbness", ConceptKind::red_flag, "numbness", {}, {}, true, false, {}});
  return rules;
}

Condition pressure_is(std::initializer_list<Pressure> pressures) {
  Condition condition;
  condition.kind = Condition::Kind::pressure;
  for (Pressure pressure : pressures) {
    condition.pressures.insert(pressure);
  }
  return condition;
}

Condition concept_is(ConceptKind kind, std::vector<ConceptId> concepts) {
  Condition condition;
  condition.kind = Condition::Kind::concept_;
  condition.concept_kind = kind;
  condition.concepts = std::move(concepts);
  return condition;
}

Condition mentions(std::vector<ConceptId> concepts) {
  Condition condition = concept_is(ConceptKind::condition, std::move(concepts));
  condition.any_kind = true;
  return condition;
}

Condition number_is(NumericField field, Comparison comparison, double threshold) {
  Condition condition;
  condition.kind = Condition::Kind::number;
  condition.field = field;
  condition.comparison = comparison;
  condition.threshold = threshold;
  return condition;
}

Condition group(Condition::Kind kind, std::vector<Condition> children) {
  Condition condition;
  condition.kind = kind;
  condition.children = std::move(children);
  return condition;
}

Condition negation(Condition child) {
  return group(Condition::Kind::negation, {std::move(child)});
}

Profile profile_with(std::optional<Pressure> pressure, std::initializer_list<ConceptId> facts = {}) {
  Profile profile;
  profile.pressure = pressure;
  for (ConceptId id : facts) {
    profile.facts.insert(id);
  }
  return profile;
}

bool holds(const Condition& condition, const Profile& profile) {
  return evaluate(condition, profile).condition == nullptr;
}

TEST(ConditionEvaluate, PressureHoldsForAListedPressure) {
  const Condition condition = pressure_is({Pressure::low, Pressure::medium});
  EXPECT_TRUE(holds(condition, profile_with(Pressure::low)));
  EXPECT_TRUE(holds(condition, profile_with(Pressure::medium)));
  EXPECT_EQ(evaluate(condition, profile_with(Pressure::firm)).condition, &condition);
}

TEST(ConditionEvaluate, PressureFailsWhenNoneWasGiven) {
  const Condition condition = pressure_is({Pressure::low});
  EXPECT_EQ(evaluate(condition, profile_with(std::nullopt)).condition, &condition);
}

TEST(ConditionEvaluate, ConceptHoldsWhenAnyListedConceptIsAffirmed) {
  const Condition condition = concept_is(ConceptKind::area, {k_neck, k_lower_back});
  EXPECT_TRUE(holds(condition, profile_with(std::nullopt, {k_lower_back})));
  EXPECT_TRUE(holds(condition, profile_with(std::nullopt, {k_neck, k_lower_back})));
  EXPECT_EQ(evaluate(condition, profile_with(std::nullopt, {k_pregnancy})).condition, &condition);
  EXPECT_EQ(evaluate(condition, profile_with(std::nullopt)).condition, &condition);
}

TEST(ConditionEvaluate, NumberComparisons) {
  Profile profile;
  profile.age = 70;
  EXPECT_TRUE(holds(number_is(NumericField::age, Comparison::at_least, 70), profile));
  EXPECT_FALSE(holds(number_is(NumericField::age, Comparison::at_least, 71), profile));
  EXPECT_TRUE(holds(number_is(NumericField::age, Comparison::at_most, 70), profile));
  EXPECT_FALSE(holds(number_is(NumericField::age, Comparison::at_most, 69), profile));
  EXPECT_TRUE(holds(number_is(NumericField::age, Comparison::above, 69), profile));
  EXPECT_FALSE(holds(number_is(NumericField::age, Comparison::above, 70), profile));
  EXPECT_TRUE(holds(number_is(NumericField::age, Comparison::below, 71), profile));
  EXPECT_FALSE(holds(number_is(NumericField::age, Comparison::below, 70), profile));
  EXPECT_TRUE(holds(number_is(NumericField::age, Comparison::equals, 70), profile));
  EXPECT_FALSE(holds(number_is(NumericField::age, Comparison::equals, 70.5), profile));
}

TEST(ConditionEvaluate, NumberReadsTheDurationInWeeks) {
  Profile profile;
  profile.duration_weeks = 12.5;
  EXPECT_TRUE(holds(number_is(NumericField::duration_weeks, Comparison::at_least, 12), profile));
  EXPECT_FALSE(holds(number_is(NumericField::duration_weeks, Comparison::above, 12.5), profile));
  // The age is not the duration.
  EXPECT_FALSE(holds(number_is(NumericField::age, Comparison::at_least, 0), profile));
}

TEST(ConditionEvaluate, NumberFailsWhenTheNumberIsUnknown) {
  const Condition condition = number_is(NumericField::age, Comparison::at_most, 200);
  EXPECT_EQ(evaluate(condition, Profile{}).condition, &condition);
}

TEST(ConditionEvaluate, EmptyAllAlwaysHolds) {
  EXPECT_TRUE(holds(Condition{}, Profile{}));
}

TEST(ConditionEvaluate, EmptyAnyNeverHolds) {
  const Condition condition = group(Condition::Kind::any, {});
  EXPECT_EQ(evaluate(condition, Profile{}).condition, &condition);
}

TEST(ConditionEvaluate, AllReportsItsFirstFailingLeaf) {
  const Condition condition =
      group(Condition::Kind::all, {pressure_is({Pressure::low}), concept_is(ConceptKind::area, {k_neck}),
                                   concept_is(ConceptKind::condition, {k_pregnancy})});
  EXPECT_TRUE(holds(condition, profile_with(Pressure::low, {k_neck, k_pregnancy})));
  EXPECT_EQ(evaluate(condition, profile_with(Pressure::low)).condition, &condition.children[1]);
  EXPECT_EQ(evaluate(condition, profile_with(Pressure::firm)).condition, &condition.children[0]);
  EXPECT_EQ(evaluate(condition, profile_with(Pressure::low, {k_neck})).condition, &condition.children[2]);
}

TEST(ConditionEvaluate, AllReportsTheLeafInsideANestedAll) {
  const Condition condition =
      group(Condition::Kind::all, {pressure_is({Pressure::low}),
                                   group(Condition::Kind::all, {concept_is(ConceptKind::area, {k_neck}),
                                                                concept_is(ConceptKind::area, {k_lower_back})})});
  EXPECT_EQ(evaluate(condition, profile_with(Pressure::low, {k_neck})).condition, &condition.children[1].children[1]);
}

TEST(ConditionEvaluate, AnyReportsItselfWhenEveryChildFails) {
  const Condition condition =
      group(Condition::Kind::any, {pressure_is({Pressure::low}), concept_is(ConceptKind::area, {k_neck})});
  EXPECT_TRUE(holds(condition, profile_with(Pressure::firm, {k_neck})));
  EXPECT_TRUE(holds(condition, profile_with(Pressure::low)));
  EXPECT_EQ(evaluate(condition, profile_with(Pressure::firm)).condition, &condition);
}

TEST(ConditionEvaluate, NegationReportsItselfWhenItsChildHolds) {
  const Condition condition = negation(pressure_is({Pressure::low}));
  EXPECT_TRUE(holds(condition, profile_with(Pressure::firm)));
  EXPECT_TRUE(holds(condition, profile_with(std::nullopt)));
  EXPECT_EQ(evaluate(condition, profile_with(Pressure::low)).condition, &condition);
}

TEST(ConditionEvaluate, AllReportsAFailingNegationAndAny) {
  const Condition condition =
      group(Condition::Kind::all, {
                                      negation(concept_is(ConceptKind::condition, {k_pregnancy})),
                                      group(Condition::Kind::any, {pressure_is({Pressure::low})}),
                                  });
  EXPECT_EQ(evaluate(condition, profile_with(Pressure::low, {k_pregnancy})).condition, &condition.children[0]);
  EXPECT_EQ(evaluate(condition, profile_with(Pressure::firm)).condition, &condition.children[1]);
}

TEST(ConditionEvaluate, MentionsHoldsForAConceptOfAnyKind) {
  const Condition condition = mentions({k_numbness, k_neck});
  EXPECT_TRUE(holds(condition, profile_with(std::nullopt, {k_numbness})));
  EXPECT_TRUE(holds(condition, profile_with(std::nullopt, {k_neck})));
  EXPECT_FALSE(holds(condition, profile_with(std::nullopt, {k_pregnancy})));
}

TEST(ConditionDescribe, Leaves) {
  const RuleSet rules = make_rules();
  EXPECT_EQ(describe(pressure_is({Pressure::medium, Pressure::low}), rules), "pressure low or medium");
  EXPECT_EQ(describe(concept_is(ConceptKind::area, {k_neck, k_lower_back}), rules), "area neck or lower-back");
  EXPECT_EQ(describe(concept_is(ConceptKind::red_flag, {k_numbness}), rules), "red-flag numbness");
  EXPECT_EQ(describe(mentions({k_numbness, k_pregnancy}), rules), "mentions numbness or pregnancy");
  EXPECT_EQ(describe(number_is(NumericField::age, Comparison::at_least, 70), rules), "age at_least 70");
  EXPECT_EQ(describe(number_is(NumericField::duration_weeks, Comparison::below, 12.5), rules),
            "duration_weeks below 12.5");
}

TEST(ConditionDescribe, Groups) {
  const RuleSet rules = make_rules();
  EXPECT_EQ(describe(Condition{}, rules), "always");
  EXPECT_EQ(describe(group(Condition::Kind::any, {}), rules), "never");
  EXPECT_EQ(describe(negation(pressure_is({Pressure::low})), rules), "not (pressure low)");
  EXPECT_EQ(describe(group(Condition::Kind::all,
                           {pressure_is({Pressure::firm}), number_is(NumericField::age, Comparison::above, 18)}),
                     rules),
            "all of (pressure firm; age above 18)");
  EXPECT_EQ(describe(group(Condition::Kind::any,
                           {concept_is(ConceptKind::condition, {k_pregnancy}),
                            negation(group(Condition::Kind::all, {concept_is(ConceptKind::area, {k_neck})}))}),
                     rules),
            "any of (condition pregnancy; not (all of (area neck)))");
}

TEST(ConditionDescribeSeen, Pressure) {
  const RuleSet rules = make_rules();
  const Condition condition = pressure_is({Pressure::low});
  EXPECT_EQ(describe_seen(condition, profile_with(Pressure::firm), rules), "pressure firm");
  EXPECT_EQ(describe_seen(condition, profile_with(std::nullopt), rules), "no pressure given");
}

TEST(ConditionDescribeSeen, Concept) {
  const RuleSet rules = make_rules();
  EXPECT_EQ(describe_seen(concept_is(ConceptKind::area, {k_neck, k_lower_back}), Profile{}, rules),
            "no area neck or lower-back");
  EXPECT_EQ(describe_seen(mentions({k_numbness}), Profile{}, rules), "no mentions numbness");
}

TEST(ConditionDescribeSeen, Number) {
  const RuleSet rules = make_rules();
  Profile profile;
  profile.age = 45;
  profile.duration_weeks = 2.5;
  EXPECT_EQ(describe_seen(number_is(NumericField::age, Comparison::at_least, 70), profile, rules), "age 45");
  EXPECT_EQ(describe_seen(number_is(NumericField::duration_weeks, Comparison::at_least, 12), profile, rules),
            "duration_weeks 2.5");
  EXPECT_EQ(describe_seen(number_is(NumericField::age, Comparison::at_least, 70), Profile{}, rules), "no age given");
  EXPECT_EQ(describe_seen(number_is(NumericField::duration_weeks, Comparison::at_least, 12), Profile{}, rules),
            "no duration_weeks given");
}

TEST(ConditionDescribeSeen, Groups) {
  const RuleSet rules = make_rules();
  EXPECT_EQ(describe_seen(negation(pressure_is({Pressure::low, Pressure::medium})), profile_with(Pressure::low), rules),
            "pressure low or medium held");
  EXPECT_EQ(describe_seen(group(Condition::Kind::any, {pressure_is({Pressure::low})}), Profile{}, rules),
            "none of them held");
  EXPECT_EQ(describe_seen(group(Condition::Kind::any, {}), Profile{}, rules), "nothing to match");
}

TEST(ConditionNames, ConceptKinds) {
  EXPECT_EQ(to_string(ConceptKind::area), "area");
  EXPECT_EQ(to_string(ConceptKind::goal), "goal");
  EXPECT_EQ(to_string(ConceptKind::condition), "condition");
  EXPECT_EQ(to_string(ConceptKind::symptom), "symptom");
  EXPECT_EQ(to_string(ConceptKind::red_flag), "red-flag");
  EXPECT_EQ(parse_concept_kind("red-flag"), ConceptKind::red_flag);
  EXPECT_EQ(parse_concept_kind("goal"), ConceptKind::goal);
  EXPECT_EQ(parse_concept_kind("red_flag"), std::nullopt);
  EXPECT_EQ(parse_concept_kind("Area"), std::nullopt);
  const auto names = concept_kind_names();
  EXPECT_EQ(
      std::vector<std::string>(names.begin(), names.end()),
      (std::vector<std::string>{"area", "goal", "condition", "symptom", "quality", "side", "context", "red-flag"}));
}

TEST(ConditionNames, FieldsAndComparisons) {
  EXPECT_EQ(to_string(NumericField::age), "age");
  EXPECT_EQ(to_string(NumericField::duration_weeks), "duration_weeks");
  EXPECT_EQ(to_string(Comparison::at_least), "at_least");
  EXPECT_EQ(to_string(Comparison::at_most), "at_most");
  EXPECT_EQ(to_string(Comparison::above), "above");
  EXPECT_EQ(to_string(Comparison::below), "below");
  EXPECT_EQ(to_string(Comparison::equals), "equals");
}

} // namespace
} // namespace backrelief
