#include "core/rules/condition_description.hpp"

#include "condition_builders.hpp"

#include <gtest/gtest.h>

namespace backrelief {
namespace {

using namespace test_conditions;

TEST(ConditionDescribe, Leaves) {
  const RuleSet rules = make_rules();
  EXPECT_EQ(describe(pressure_is({Pressure::medium, Pressure::low}), rules), "pressure low or medium");
  EXPECT_EQ(describe(concept_is(ConceptKind::area, {k_neck, k_lower_back}), rules), "area neck or lower-back");
  EXPECT_EQ(describe(concept_is(ConceptKind::red_flag, {k_numbness}), rules), "red-flag numbness");
  EXPECT_EQ(describe(mentions({k_numbness, k_pregnancy}), rules), "mentions numbness or pregnancy");
  EXPECT_EQ(describe(number_is(NumericField::age, Comparison::at_least, 70), rules), "age at_least 70");
  EXPECT_EQ(describe(number_is(NumericField::duration_weeks, Comparison::below, 12.5), rules),
            "duration_weeks below 12.5 (13 weeks)");
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

} // namespace
} // namespace backrelief
