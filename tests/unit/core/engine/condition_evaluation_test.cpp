#include "core/engine/condition_evaluation.hpp"

#include "condition_builders.hpp"

#include <gtest/gtest.h>

namespace backrelief {
namespace {

using namespace test_conditions;

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
            "duration_weeks 2.5 (3 weeks)");
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

} // namespace
} // namespace backrelief
