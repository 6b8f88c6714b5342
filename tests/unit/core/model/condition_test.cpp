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

} // namespace
} // namespace backrelief
