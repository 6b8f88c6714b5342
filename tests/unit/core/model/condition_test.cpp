#include "core/model/condition.hpp"

#include "condition_builders.hpp"

#include <gtest/gtest.h>

namespace backrelief {
namespace {

using namespace test_conditions;

TEST(ConditionNames, FieldsAndComparisons) {
  EXPECT_EQ(to_string(NumericField::age), "age");
  EXPECT_EQ(to_string(NumericField::duration_weeks), "duration_weeks");
  EXPECT_EQ(to_string(Comparison::at_least), "at_least");
  EXPECT_EQ(to_string(Comparison::at_most), "at_most");
  EXPECT_EQ(to_string(Comparison::above), "above");
  EXPECT_EQ(to_string(Comparison::below), "below");
  EXPECT_EQ(to_string(Comparison::equals), "equals");
}

TEST(ConditionSameTest, IgnoresWhereItWasWritten) {
  Condition a = pressure_is({Pressure::low, Pressure::medium});
  Condition b = pressure_is({Pressure::medium, Pressure::low});
  a.where = {"one.yaml", 3, 5};
  b.where = {"two.yaml", 9, 1};
  EXPECT_TRUE(same_test(a, b));
  EXPECT_FALSE(same_test(a, pressure_is({Pressure::low})));
}

TEST(ConditionSameTest, ComparesKeysValuesAndChildren) {
  EXPECT_TRUE(same_test(concept_is(ConceptKind::area, {k_neck}), concept_is(ConceptKind::area, {k_neck})));
  EXPECT_FALSE(same_test(concept_is(ConceptKind::area, {k_neck}), concept_is(ConceptKind::area, {k_lower_back})));
  EXPECT_FALSE(same_test(concept_is(ConceptKind::condition, {k_pregnancy}), mentions({k_pregnancy})));
  EXPECT_FALSE(same_test(number_is(NumericField::age, Comparison::at_least, 60),
                         number_is(NumericField::age, Comparison::above, 60)));
  EXPECT_FALSE(same_test(number_is(NumericField::age, Comparison::at_least, 60),
                         number_is(NumericField::age, Comparison::at_least, 65)));
  EXPECT_TRUE(
      same_test(negation(concept_is(ConceptKind::area, {k_neck})), negation(concept_is(ConceptKind::area, {k_neck}))));
  EXPECT_FALSE(same_test(group(Condition::Kind::all, {concept_is(ConceptKind::area, {k_neck})}),
                         group(Condition::Kind::any, {concept_is(ConceptKind::area, {k_neck})})));
  EXPECT_FALSE(same_test(group(Condition::Kind::all, {concept_is(ConceptKind::area, {k_neck})}),
                         group(Condition::Kind::all, {})));
}

} // namespace
} // namespace backrelief
