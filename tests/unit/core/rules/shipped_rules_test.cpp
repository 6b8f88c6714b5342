#include "core/engine/recommendation.hpp"
#include "core/rules/rule_loader.hpp"
#include "core/yaml/yaml_guard.hpp"

#include <gtest/gtest.h>
#include <string>
#include <vector>

namespace backrelief {
namespace {

/// The rules shipped in rules/, loaded once for every test.
class ShippedRules : public ::testing::Test {
protected:
  static void SetUpTestSuite() { s_rules = new RuleSet(load_rules(read_rule_sources(BACKRELIEF_TEST_RULES_DIR))); }
  static void TearDownTestSuite() {
    delete s_rules;
    s_rules = nullptr;
  }

  static Recommendation recommend_for(const ProfileInput& input) {
    return recommend(*s_rules, make_profile(input, *s_rules));
  }

  static std::vector<std::string> ids_of(const std::vector<TechniqueOutcome>& outcomes) {
    std::vector<std::string> ids;
    for (const TechniqueOutcome& outcome : outcomes) {
      ids.push_back(s_rules->techniques()[outcome.technique].id);
    }
    return ids;
  }

  static const RuleSet* s_rules;
};

const RuleSet* ShippedRules::s_rules = nullptr;

TEST_F(ShippedRules, DefineTheFourTechniques) {
  std::vector<std::string> ids;
  for (const Technique& technique : s_rules->techniques()) {
    ids.push_back(technique.id);
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"deep-tissue", "swedish", "neuromuscular", "myofascial"}));
}

// The load limits (backrelief-rules(5), Limits) leave room for a clinic's rules many times the size
// of the shipped ones; when the shipped rules grow near them, the limits move with them.
TEST_F(ShippedRules, StayWellWithinTheLoadLimits) {
  const RuleLimits limits;
  std::size_t nodes = 0;
  for (const RuleSource& source : read_rule_sources(BACKRELIEF_TEST_RULES_DIR)) {
    const YamlStructure structure = check_yaml_structure(source.name, source.text, YamlLimits{});
    EXPECT_TRUE(structure.problems.empty()) << source.name;
    nodes += structure.nodes;
  }
  EXPECT_LT(nodes * 10, limits.max_yaml_nodes) << nodes << " YAML nodes";
  const std::size_t entries = s_rules->vocabulary().entry_count();
  EXPECT_LT(entries * 20, limits.max_vocabulary_entries) << entries << " vocabulary entries";
}

TEST_F(ShippedRules, LowPressureRanksSwedishFirstAndDeepTissueLast) {
  ProfileInput input;
  input.pressure = "low";
  const Recommendation result = recommend_for(input);
  EXPECT_EQ(ids_of(result.suggestions),
            (std::vector<std::string>{"swedish", "myofascial", "neuromuscular", "deep-tissue"}));
  ASSERT_EQ(result.suggestions.size(), 4U);
  EXPECT_EQ(result.suggestions[0].score, 3.0);
  EXPECT_EQ(result.suggestions[3].score, -3.0);
  EXPECT_TRUE(result.excluded.empty());
  EXPECT_FALSE(result.referral.has_value());
  EXPECT_EQ(result.advice.size(), 4U);
}

TEST_F(ShippedRules, BloodThinnersWithFirmPressureExcludeDeepWork) {
  ProfileInput input;
  input.pressure = "firm";
  input.conditions = {"blood-thinners"};
  const Recommendation result = recommend_for(input);
  EXPECT_EQ(ids_of(result.suggestions), (std::vector<std::string>{"swedish", "myofascial"}));
  EXPECT_EQ(result.suggestions[0].score, 1.0);
  ASSERT_EQ(ids_of(result.excluded), (std::vector<std::string>{"deep-tissue", "neuromuscular"}));
  const std::string reason = "Deep or focused pressure can cause bleeding and bruising on blood thinners.";
  for (const TechniqueOutcome& outcome : result.excluded) {
    ASSERT_EQ(outcome.exclusions.size(), 1U);
    EXPECT_EQ(outcome.exclusions[0].rule, s_rules->find_rule("blood-thinners-no-deep-pressure"));
    EXPECT_EQ(outcome.exclusions[0].text, reason);
  }
  // Excluded despite firm pressure favouring them.
  EXPECT_EQ(result.excluded[0].score, 3.0);
  EXPECT_EQ(result.excluded[1].score, 2.0);
  ASSERT_EQ(result.suggestions[0].cautions.size(), 1U);
  EXPECT_EQ(result.suggestions[0].cautions[0].text, "Tell your therapist about the medication; light pressure only.");
}

TEST_F(ShippedRules, FeverStopsWithAnUrgentReferral) {
  ProfileInput input;
  input.pressure = "medium";
  input.conditions = {"fever"};
  const Recommendation result = recommend_for(input);
  EXPECT_TRUE(result.stopped_by_referral());
  ASSERT_TRUE(result.referral.has_value());
  EXPECT_EQ(result.referral->level, ReferralLevel::urgent);
  ASSERT_EQ(result.referral->red_flags.size(), 1U);
  EXPECT_EQ(result.referral->red_flags[0].rule, s_rules->find_rule("fever-needs-a-doctor"));
  EXPECT_EQ(result.referral->advice, default_referral_advice(ReferralLevel::urgent));
  EXPECT_TRUE(result.suggestions.empty());
  EXPECT_TRUE(result.advice.empty());
  EXPECT_EQ(ids_of(result.excluded),
            (std::vector<std::string>{"deep-tissue", "swedish", "neuromuscular", "myofascial"}));
  for (const TechniqueOutcome& outcome : result.excluded) {
    ASSERT_FALSE(outcome.exclusions.empty());
    EXPECT_EQ(outcome.exclusions[0].text, "see a clinician first (urgent referral)");
  }
}

} // namespace
} // namespace backrelief
