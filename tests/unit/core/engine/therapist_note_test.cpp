#include "core/engine/therapist_note.hpp"

#include "core/engine/recommendation.hpp"
#include "core/rules/rule_loader.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>
#include <string>
#include <vector>

namespace backrelief {
namespace {

using test_support::load_text;

const char* const k_rules = R"(version: 1
techniques:
  - {id: swedish, name: Swedish, summary: s, pressure: [low, medium]}
  - {id: deep-tissue, name: Deep tissue, summary: d, pressure: firm}
concepts:
  - {id: neck, kind: area, name: neck, phrases: [neck]}
  - {id: lower-back, kind: area, name: lower back, phrases: [lower back]}
  - {id: blood-thinners, kind: condition, name: taking blood thinners, phrases: [warfarin]}
  - {id: pregnancy, kind: condition, name: pregnancy, phrases: [pregnant]}
rules:
  - id: thinners
    when: {condition: blood-thinners}
    exclude: [deep-tissue]
    caution: {swedish: Light pressure only.}
    because: b
  - id: thinners-again
    when: {condition: blood-thinners}
    caution: {swedish: Light pressure only.}
    because: c
)";

std::vector<std::string> ids(const RuleSet& rules, const std::vector<ConceptId>& concepts) {
  std::vector<std::string> out;
  for (ConceptId id : concepts) {
    out.push_back(rules.concepts()[id].id);
  }
  return out;
}

TEST(TherapistNote, SaysWhatIsGivenThenWhatTheWordsReportOnceEach) {
  const RuleSet rules = load_text(k_rules);
  ProfileInput input;
  input.pressure = "low";
  input.areas = {"neck"};
  input.conditions = {"pregnancy"};
  input.description = "my lower back and neck ache, I take warfarin, not pregnant though";
  const Recommendation result = recommend(rules, make_profile(input, rules));
  ASSERT_TRUE(result.for_therapist.has_value());
  const TherapistNote& note = *result.for_therapist;
  EXPECT_EQ(rules.techniques()[note.technique].id, "swedish");
  EXPECT_EQ(ids(rules, note.areas), (std::vector<std::string>{"neck", "lower-back"}));
  EXPECT_EQ(note.pressure, Pressure::low);
  // The option's pregnancy stays, whatever the words deny; the words add the warfarin.
  EXPECT_EQ(ids(rules, note.conditions), (std::vector<std::string>{"pregnancy", "blood-thinners"}));
  EXPECT_EQ(note.cautions, std::vector<std::string_view>{"Light pressure only."});
}

TEST(TherapistNote, NoneWithoutASuggestion) {
  const RuleSet rules = load_text(k_rules);
  ProfileInput input;
  input.conditions = {"blood-thinners"};
  input.avoid = {"swedish"};
  EXPECT_FALSE(recommend(rules, make_profile(input, rules)).for_therapist.has_value());
}

} // namespace
} // namespace backrelief
