#include "core/model/concept.hpp"

#include <gtest/gtest.h>
#include <string>
#include <vector>

namespace backrelief {
namespace {

TEST(ConceptKindNames, SpellingsAndParsing) {
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

} // namespace
} // namespace backrelief
