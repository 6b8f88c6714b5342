#include "core/model/duration.hpp"

#include <cmath>
#include <gtest/gtest.h>

namespace backrelief {
namespace {

TEST(Duration, ReadsDays) {
  const auto weeks = parse_duration_weeks("10d");
  ASSERT_TRUE(weeks.has_value());
  EXPECT_DOUBLE_EQ(*weeks, 10.0 / 7.0);
}

TEST(Duration, ReadsWeeks) {
  EXPECT_EQ(parse_duration_weeks("3w"), 3.0);
}

TEST(Duration, ReadsMonthsAsTwelfthsOfAYear) {
  const auto weeks = parse_duration_weeks("6m");
  ASSERT_TRUE(weeks.has_value());
  EXPECT_DOUBLE_EQ(*weeks, 26.0);
}

TEST(Duration, ReadsYears) {
  EXPECT_EQ(parse_duration_weeks("2y"), 104.0);
}

TEST(Duration, ReadsFractions) {
  EXPECT_EQ(parse_duration_weeks("1.5w"), 1.5);
  EXPECT_EQ(parse_duration_weeks("0.5y"), 26.0);
}

TEST(Duration, ReadsZero) {
  EXPECT_EQ(parse_duration_weeks("0d"), 0.0);
}

TEST(Duration, UnitIgnoresCase) {
  EXPECT_EQ(parse_duration_weeks("3W"), 3.0);
  EXPECT_EQ(parse_duration_weeks("2Y"), 104.0);
  EXPECT_EQ(parse_duration_weeks("14D"), 2.0);
  const auto weeks = parse_duration_weeks("6M");
  ASSERT_TRUE(weeks.has_value());
  EXPECT_DOUBLE_EQ(*weeks, 26.0);
}

TEST(Duration, RefusesMissingParts) {
  EXPECT_EQ(parse_duration_weeks(""), std::nullopt);
  EXPECT_EQ(parse_duration_weeks("w"), std::nullopt);
  EXPECT_EQ(parse_duration_weeks("3"), std::nullopt);
  EXPECT_EQ(parse_duration_weeks("12"), std::nullopt);
}

TEST(Duration, RefusesUnknownUnits) {
  EXPECT_EQ(parse_duration_weeks("3x"), std::nullopt);
  EXPECT_EQ(parse_duration_weeks("3h"), std::nullopt);
  EXPECT_EQ(parse_duration_weeks("3ww"), std::nullopt);
  EXPECT_EQ(parse_duration_weeks("three weeks"), std::nullopt);
}

TEST(Duration, RefusesSignsAndSpaces) {
  EXPECT_EQ(parse_duration_weeks("-3w"), std::nullopt);
  EXPECT_EQ(parse_duration_weeks("+3w"), std::nullopt);
  EXPECT_EQ(parse_duration_weeks(" 3w"), std::nullopt);
  EXPECT_EQ(parse_duration_weeks("3 w"), std::nullopt);
  EXPECT_EQ(parse_duration_weeks("3w "), std::nullopt);
}

TEST(Duration, RefusesOtherNumberForms) {
  EXPECT_EQ(parse_duration_weeks("1e2w"), std::nullopt);
  EXPECT_EQ(parse_duration_weeks("0x3w"), std::nullopt);
  EXPECT_EQ(parse_duration_weeks("infw"), std::nullopt);
}

TEST(Duration, RefusesNotANumber) {
  EXPECT_EQ(parse_duration_weeks("nanw"), std::nullopt);
}

TEST(Duration, AcceptsUpToALifetime) {
  EXPECT_EQ(parse_duration_weeks("130y"), 130.0 * 52.0);
  EXPECT_EQ(parse_duration_weeks("6760w"), 6760.0);
}

TEST(Duration, RefusesMoreThanALifetime) {
  EXPECT_EQ(parse_duration_weeks("131y"), std::nullopt);
  EXPECT_EQ(parse_duration_weeks("6761w"), std::nullopt);
  EXPECT_EQ(parse_duration_weeks("47330d"), std::nullopt);
  EXPECT_EQ(parse_duration_weeks("99999999999999999999y"), std::nullopt);
}

TEST(Duration, WeeksAreSaidAsPeopleSayThem) {
  EXPECT_EQ(describe_weeks(0.0), "less than a day");
  EXPECT_EQ(describe_weeks(1.0 / 7.0), "1 day");
  EXPECT_EQ(describe_weeks(0.285714), "2 days");
  EXPECT_EQ(describe_weeks(0.43), "3 days");
  EXPECT_EQ(describe_weeks(0.95), "1 week") << "7 days is a week";
  EXPECT_EQ(describe_weeks(1.0), "1 week");
  EXPECT_EQ(describe_weeks(12.0), "12 weeks");
  EXPECT_EQ(describe_weeks(34.6667), "8 months");
  EXPECT_EQ(describe_weeks(52.0), "12 months");
  EXPECT_EQ(describe_weeks(104.0), "2 years");
  EXPECT_EQ(describe_weeks(1e9), "19230769 years") << "counts: ever is never shown this way";
}

TEST(Duration, ChronicStartsAtTwelveWeeks) {
  EXPECT_EQ(k_chronic_weeks, 12.0);
}

} // namespace
} // namespace backrelief
