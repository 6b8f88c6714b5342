#include "core/model/pressure.hpp"

#include <gtest/gtest.h>
#include <string>
#include <vector>

namespace backrelief {
namespace {

TEST(Pressure, CanonicalNames) {
  EXPECT_EQ(to_string(Pressure::low), "low");
  EXPECT_EQ(to_string(Pressure::medium), "medium");
  EXPECT_EQ(to_string(Pressure::firm), "firm");
}

TEST(Pressure, ParsesCanonicalNames) {
  EXPECT_EQ(parse_pressure("low"), Pressure::low);
  EXPECT_EQ(parse_pressure("medium"), Pressure::medium);
  EXPECT_EQ(parse_pressure("firm"), Pressure::firm);
}

TEST(Pressure, ParsesAliases) {
  EXPECT_EQ(parse_pressure("light"), Pressure::low);
  EXPECT_EQ(parse_pressure("moderate"), Pressure::medium);
  EXPECT_EQ(parse_pressure("deep"), Pressure::firm);
  EXPECT_EQ(parse_pressure("hard"), Pressure::firm);
  EXPECT_EQ(parse_pressure("high"), Pressure::firm);
}

TEST(Pressure, IgnoresCase) {
  EXPECT_EQ(parse_pressure("LOW"), Pressure::low);
  EXPECT_EQ(parse_pressure("Medium"), Pressure::medium);
  EXPECT_EQ(parse_pressure("hIgH"), Pressure::firm);
}

TEST(Pressure, RefusesOtherWords) {
  EXPECT_EQ(parse_pressure(""), std::nullopt);
  EXPECT_EQ(parse_pressure("soft"), std::nullopt);
  EXPECT_EQ(parse_pressure("lo"), std::nullopt);
  EXPECT_EQ(parse_pressure(" low"), std::nullopt);
  EXPECT_EQ(parse_pressure("low "), std::nullopt);
  EXPECT_EQ(parse_pressure("firmer"), std::nullopt);
}

TEST(Pressure, SpellingsListCanonicalNamesFirst) {
  const std::vector<std::string> expected{"low", "medium", "firm", "light", "moderate", "deep", "hard", "high"};
  EXPECT_EQ(pressure_spellings(), expected);
}

TEST(Pressure, IsOrderedFromLightToFirm) {
  EXPECT_LT(Pressure::low, Pressure::medium);
  EXPECT_LT(Pressure::medium, Pressure::firm);
}

TEST(PressureSet, StartsEmpty) {
  const PressureSet set;
  EXPECT_TRUE(set.empty());
  EXPECT_FALSE(set.contains(Pressure::low));
  EXPECT_FALSE(set.contains(Pressure::medium));
  EXPECT_FALSE(set.contains(Pressure::firm));
  EXPECT_EQ(set.describe(), "");
}

TEST(PressureSet, HoldsWhatWasInserted) {
  PressureSet set;
  set.insert(Pressure::firm);
  EXPECT_FALSE(set.empty());
  EXPECT_FALSE(set.contains(Pressure::low));
  EXPECT_FALSE(set.contains(Pressure::medium));
  EXPECT_TRUE(set.contains(Pressure::firm));
  EXPECT_EQ(set.describe(), "firm");
}

TEST(PressureSet, InsertingTwiceChangesNothing) {
  PressureSet set;
  set.insert(Pressure::medium);
  set.insert(Pressure::medium);
  EXPECT_TRUE(set.contains(Pressure::medium));
  EXPECT_EQ(set.describe(), "medium");
}

TEST(PressureSet, DescribesLowestFirstWhateverTheInsertionOrder) {
  PressureSet set;
  set.insert(Pressure::firm);
  set.insert(Pressure::low);
  EXPECT_EQ(set.describe(), "low or firm");
  set.insert(Pressure::medium);
  EXPECT_EQ(set.describe(), "low or medium or firm");
}

} // namespace
} // namespace backrelief
