#include "core/engine/why_not.hpp"

#include "core/engine/recommendation.hpp"
#include "core/rules/rule_loader.hpp"
#include "test_support.hpp"

#include <algorithm>
#include <gtest/gtest.h>
#include <string>
#include <vector>

namespace backrelief {
namespace {

using Kind = PreferenceChange::Kind;

/// The rules shipped in rules/, loaded once for every test.
class WhyNotShipped : public ::testing::Test {
protected:
  static void SetUpTestSuite() { s_rules = new RuleSet(load_rules(read_rule_sources(BACKRELIEF_TEST_RULES_DIR))); }
  static void TearDownTestSuite() {
    delete s_rules;
    s_rules = nullptr;
  }

  static TechniqueId technique(std::string_view id) {
    const auto found = s_rules->find_technique(id);
    if (!found) {
      throw std::logic_error("unknown technique in a test");
    }
    return *found;
  }

  static ConceptId goal(std::string_view id) {
    const auto found = s_rules->find_concept(ConceptKind::goal, id);
    if (!found) {
      throw std::logic_error("unknown goal in a test");
    }
    return *found;
  }

  static std::string technique_id(TechniqueId id) { return s_rules->techniques()[id].id; }

  /// The input with the changes made to its raw words, as a person would retype it.
  static ProfileInput with_changes(ProfileInput input, const std::vector<PreferenceChange>& changes) {
    for (const PreferenceChange& change : changes) {
      switch (change.kind) {
      case Kind::set_pressure:
        input.pressure = std::string(to_string(change.pressure));
        break;
      case Kind::clear_pressure:
        input.pressure.reset();
        break;
      case Kind::add_goal:
        input.goals.push_back(s_rules->concepts()[change.goal].id);
        break;
      case Kind::remove_goal:
        std::erase_if(input.goals, [&](const std::string& name) {
          return s_rules->find_concept(ConceptKind::goal, name) == change.goal;
        });
        break;
      case Kind::stop_avoiding:
        std::erase_if(input.avoid,
                      [&](const std::string& name) { return s_rules->find_technique(name) == change.technique; });
        break;
      }
    }
    return input;
  }

  /// The recommendation for an input, made afresh.
  static Recommendation recommend_for(const ProfileInput& input) {
    return recommend(*s_rules, make_profile(input, *s_rules));
  }

  /// True when the input, made afresh, ranks the technique first.
  static bool ranks_first(const ProfileInput& input, TechniqueId id) {
    const Recommendation result = recommend_for(input);
    return !result.stopped_by_referral() && !result.suggestions.empty() && result.suggestions.front().technique == id;
  }

  /// Every single preference change a person could make, written independently of why_not.cpp.
  static std::vector<std::vector<PreferenceChange>> single_changes(const ProfileInput& input, TechniqueId id) {
    std::vector<std::vector<PreferenceChange>> all;
    for (Pressure pressure : {Pressure::low, Pressure::medium, Pressure::firm}) {
      all.push_back({{Kind::set_pressure, pressure, 0, 0}});
    }
    all.push_back({{Kind::clear_pressure, Pressure::low, 0, 0}});
    for (ConceptId concept_id = 0; concept_id < s_rules->concepts().size(); ++concept_id) {
      if (s_rules->concepts()[concept_id].kind == ConceptKind::goal) {
        all.push_back({{Kind::add_goal, Pressure::low, concept_id, 0}});
        all.push_back({{Kind::remove_goal, Pressure::low, concept_id, 0}});
      }
    }
    if (!input.avoid.empty()) {
      all.push_back({{Kind::stop_avoiding, Pressure::low, 0, id}});
    }
    return all;
  }

  static const RuleSet* s_rules;
};

const RuleSet* WhyNotShipped::s_rules = nullptr;

/// A profile of the property table, with a name for failure messages.
struct NamedInput {
  std::string name;
  ProfileInput input;
};

ProfileInput make_input(std::optional<std::string> pressure, std::vector<std::string> goals = {},
                        std::vector<std::string> conditions = {}, std::string description = {},
                        std::vector<std::string> avoid = {}, std::vector<std::string> areas = {}) {
  ProfileInput input;
  input.pressure = std::move(pressure);
  input.goals = std::move(goals);
  input.conditions = std::move(conditions);
  input.description = std::move(description);
  input.avoid = std::move(avoid);
  input.areas = std::move(areas);
  return input;
}

/// About twenty people: pressures by goals, with a few conditions, descriptions and avoided techniques.
std::vector<NamedInput> profile_table() {
  return {
      {"nothing", make_input(std::nullopt)},
      {"low", make_input("low")},
      {"medium", make_input("medium")},
      {"firm", make_input("firm")},
      {"low relaxation", make_input("low", {"relaxation"})},
      {"firm relaxation", make_input("firm", {"relaxation"})},
      {"medium mobility", make_input("medium", {"mobility"})},
      {"relief only", make_input(std::nullopt, {"relief"})},
      {"low relief mobility", make_input("low", {"relief", "mobility"})},
      {"firm relief relaxation", make_input("firm", {"relief", "relaxation"})},
      {"firm blood thinners", make_input("firm", {}, {"blood-thinners"})},
      {"low fibromyalgia", make_input("low", {}, {"fibromyalgia"})},
      {"medium pregnancy relief", make_input("medium", {"relief"}, {"pregnancy"})},
      {"firm sciatica lower back", make_input("firm", {}, {"sciatica"}, {}, {}, {"lower-back"})},
      {"firm avoids deep tissue", make_input("firm", {}, {}, {}, {"deep-tissue"})},
      {"low avoids swedish", make_input("low", {"relaxation"}, {}, {}, {"swedish"})},
      {"firm relief avoids two", make_input("firm", {"relief"}, {}, {}, {"deep-tissue", "neuromuscular"})},
      {"stiff after drives", make_input("medium", {}, {}, "stiff after long drives")},
      {"knots in the shoulders", make_input("low", {}, {}, "knots in my shoulders that hurt when pressed")},
      {"tingling down the leg", make_input("firm", {"relief"}, {}, "tingling down my left leg")},
      {"too soft", make_input(std::nullopt, {"relaxation"}, {}, "massages are always too soft for me")},
      {"fever referral", make_input("medium", {}, {"fever"})},
      {"red-flag words", make_input("low", {}, {}, "numb between my legs and can't control my bladder")},
  };
}

TEST_F(WhyNotShipped, FirstTechniqueHasNothingToChange) {
  const ProfileInput input = make_input("low");
  const Profile profile = make_profile(input, *s_rules);
  const Recommendation result = recommend(*s_rules, profile);
  ASSERT_FALSE(result.suggestions.empty());
  ASSERT_EQ(technique_id(result.suggestions.front().technique), "swedish");

  const WhyNot answer = why_not(*s_rules, profile, result, technique("swedish"));
  EXPECT_EQ(answer.technique, technique("swedish"));
  EXPECT_EQ(answer.standing, Standing::first);
  EXPECT_EQ(answer.outcome, &result.suggestions.front());
  EXPECT_EQ(answer.leader, nullptr);
  EXPECT_FALSE(answer.safety_veto);
  EXPECT_FALSE(answer.counterfactual.has_value());
}

TEST_F(WhyNotShipped, TieBreaksSayWhatWouldPutEachTiedTechniqueFirst) {
  // A general ache (Swedish +1) after long sitting (deep tissue +1): a tie, the gentler first.
  const Profile tied = make_profile(make_input(std::nullopt, {}, {}, "a dull ache after sitting all day"), *s_rules);
  const Recommendation result = recommend(*s_rules, tied);
  ASSERT_GE(result.suggestions.size(), 2U);
  ASSERT_EQ(result.suggestions[0].score, result.suggestions[1].score);
  EXPECT_EQ(technique_id(result.suggestions[0].technique), "swedish");
  const std::vector<WhyNot> ties = tie_breaks(*s_rules, tied, result);
  ASSERT_EQ(ties.size(), 1U);
  EXPECT_EQ(technique_id(ties[0].technique), "deep-tissue");
  ASSERT_TRUE(ties[0].counterfactual.has_value());
  EXPECT_GT(ties[0].counterfactual->score, ties[0].counterfactual->runner_up);

  const Profile clear = make_profile(make_input("low"), *s_rules);
  EXPECT_TRUE(tie_breaks(*s_rules, clear, recommend(*s_rules, clear)).empty());
}

TEST_F(WhyNotShipped, LowPressureDeepTissueNeedsFirmPressure) {
  const ProfileInput input = make_input("low");
  const Profile profile = make_profile(input, *s_rules);
  const Recommendation result = recommend(*s_rules, profile);
  const WhyNot answer = why_not(*s_rules, profile, result, technique("deep-tissue"));

  EXPECT_EQ(answer.standing, Standing::ranked);
  ASSERT_NE(answer.outcome, nullptr);
  EXPECT_EQ(answer.outcome->technique, technique("deep-tissue"));
  EXPECT_EQ(answer.outcome->rank, 4);
  EXPECT_EQ(answer.outcome->score, -3.0);
  ASSERT_NE(answer.leader, nullptr);
  EXPECT_EQ(answer.leader, &result.suggestions.front());
  EXPECT_EQ(technique_id(answer.leader->technique), "swedish");
  EXPECT_FALSE(answer.safety_veto);

  ASSERT_TRUE(answer.counterfactual.has_value());
  ASSERT_EQ(answer.counterfactual->changes.size(), 1U);
  const PreferenceChange& change = answer.counterfactual->changes[0];
  EXPECT_EQ(change.kind, Kind::set_pressure);
  EXPECT_EQ(change.pressure, Pressure::firm);
  // Firm: deep tissue 3, neuromuscular 2 (firm-pressure-favours-deep-tissue).
  EXPECT_EQ(answer.counterfactual->score, 3.0);
  EXPECT_EQ(answer.counterfactual->runner_up, 2.0);

  // Made afresh from the changed input, deep tissue really ranks first, with the same scores.
  ProfileInput changed = input;
  changed.pressure = "firm";
  const Recommendation after = recommend_for(changed);
  ASSERT_GE(after.suggestions.size(), 2U);
  EXPECT_EQ(technique_id(after.suggestions[0].technique), "deep-tissue");
  EXPECT_EQ(after.suggestions[0].score, answer.counterfactual->score);
  EXPECT_EQ(after.suggestions[1].score, answer.counterfactual->runner_up);
}

TEST_F(WhyNotShipped, BloodThinnersVetoIsNotOffered) {
  const ProfileInput input = make_input("firm", {}, {"blood-thinners"});
  const Profile profile = make_profile(input, *s_rules);
  const Recommendation result = recommend(*s_rules, profile);
  const WhyNot answer = why_not(*s_rules, profile, result, technique("deep-tissue"));

  EXPECT_EQ(answer.standing, Standing::excluded);
  EXPECT_TRUE(answer.safety_veto);
  EXPECT_FALSE(answer.counterfactual.has_value());
  ASSERT_NE(answer.outcome, nullptr);
  EXPECT_EQ(answer.outcome->technique, technique("deep-tissue"));
  EXPECT_EQ(answer.outcome->rank, 0);
  ASSERT_EQ(answer.outcome->exclusions.size(), 1U);
  EXPECT_EQ(answer.outcome->exclusions[0].rule, s_rules->find_rule("blood-thinners-no-deep-pressure"));
  ASSERT_NE(answer.leader, nullptr);
  EXPECT_EQ(technique_id(answer.leader->technique), "swedish");
}

TEST_F(WhyNotShipped, BloodThinnersVetoHoldsWhateverElseIsAvoided) {
  // Avoided too: a rule still excludes it, so nothing is offered, not even to stop avoiding it.
  const ProfileInput input = make_input("firm", {}, {"blood-thinners"}, {}, {"deep-tissue"});
  const Profile profile = make_profile(input, *s_rules);
  const Recommendation result = recommend(*s_rules, profile);
  const WhyNot answer = why_not(*s_rules, profile, result, technique("deep-tissue"));
  EXPECT_EQ(answer.standing, Standing::excluded);
  EXPECT_TRUE(answer.safety_veto);
  EXPECT_FALSE(answer.counterfactual.has_value());
}

TEST_F(WhyNotShipped, RedFlagWordsGiveAReferralAndNoChange) {
  const ProfileInput input = make_input("low", {}, {}, "numb between my legs and can't control my bladder");
  const Profile profile = make_profile(input, *s_rules);
  const Recommendation result = recommend(*s_rules, profile);
  ASSERT_TRUE(result.stopped_by_referral());
  ASSERT_TRUE(result.referral.has_value());
  EXPECT_EQ(result.referral->level, ReferralLevel::emergency);

  for (const Technique& each : s_rules->techniques()) {
    const WhyNot answer = why_not(*s_rules, profile, result, technique(each.id));
    EXPECT_EQ(answer.standing, Standing::referral) << each.id;
    EXPECT_FALSE(answer.counterfactual.has_value()) << each.id;
    EXPECT_EQ(answer.leader, nullptr) << each.id;
    ASSERT_NE(answer.outcome, nullptr) << each.id;
    EXPECT_EQ(answer.outcome->technique, technique(each.id));
  }
}

TEST_F(WhyNotShipped, AvoidedOnlyOffersToStopAvoiding) {
  const ProfileInput input = make_input("firm", {}, {}, {}, {"deep-tissue"});
  const Profile profile = make_profile(input, *s_rules);
  const Recommendation result = recommend(*s_rules, profile);
  const WhyNot answer = why_not(*s_rules, profile, result, technique("deep-tissue"));

  EXPECT_EQ(answer.standing, Standing::excluded);
  EXPECT_FALSE(answer.safety_veto);
  ASSERT_NE(answer.outcome, nullptr);
  ASSERT_EQ(answer.outcome->exclusions.size(), 1U);
  EXPECT_EQ(answer.outcome->exclusions[0].rule, nullptr);
  ASSERT_TRUE(answer.counterfactual.has_value());
  ASSERT_EQ(answer.counterfactual->changes.size(), 1U);
  EXPECT_EQ(answer.counterfactual->changes[0].kind, Kind::stop_avoiding);
  EXPECT_EQ(answer.counterfactual->changes[0].technique, technique("deep-tissue"));
  EXPECT_EQ(answer.counterfactual->score, 3.0);
  EXPECT_EQ(answer.counterfactual->runner_up, 2.0);
  EXPECT_TRUE(ranks_first(with_changes(input, answer.counterfactual->changes), technique("deep-tissue")));
}

TEST_F(WhyNotShipped, AvoidedWithLowPressureNeedsTwoChanges) {
  const ProfileInput input = make_input("low", {}, {}, {}, {"deep-tissue"});
  const Profile profile = make_profile(input, *s_rules);
  const Recommendation result = recommend(*s_rules, profile);
  const WhyNot answer = why_not(*s_rules, profile, result, technique("deep-tissue"));

  EXPECT_EQ(answer.standing, Standing::excluded);
  EXPECT_FALSE(answer.safety_veto);
  ASSERT_TRUE(answer.counterfactual.has_value());
  const auto& changes = answer.counterfactual->changes;
  ASSERT_EQ(changes.size(), 2U);
  const bool stops_avoiding = std::any_of(changes.begin(), changes.end(), [&](const PreferenceChange& change) {
    return change.kind == Kind::stop_avoiding && change.technique == technique("deep-tissue");
  });
  const bool firm = std::any_of(changes.begin(), changes.end(), [](const PreferenceChange& change) {
    return change.kind == Kind::set_pressure && change.pressure == Pressure::firm;
  });
  EXPECT_TRUE(stops_avoiding);
  EXPECT_TRUE(firm);
  EXPECT_TRUE(ranks_first(with_changes(input, changes), technique("deep-tissue")));
  // Neither change alone is enough.
  for (const auto& single : single_changes(input, technique("deep-tissue"))) {
    EXPECT_FALSE(ranks_first(with_changes(input, single), technique("deep-tissue")));
  }
}

TEST_F(WhyNotShipped, OneChangeIsFoundWhenOneSuffices) {
  // Medium pressure: myofascial 2 leads and swedish has 1; one change lifts swedish to the top.
  const ProfileInput input = make_input("medium");
  const Profile profile = make_profile(input, *s_rules);
  const Recommendation result = recommend(*s_rules, profile);
  ASSERT_EQ(technique_id(result.suggestions.front().technique), "myofascial");
  const WhyNot answer = why_not(*s_rules, profile, result, technique("swedish"));
  EXPECT_EQ(answer.standing, Standing::ranked);
  ASSERT_TRUE(answer.counterfactual.has_value());
  ASSERT_EQ(answer.counterfactual->changes.size(), 1U);
  // Low pressure gives swedish 3 over myofascial 1 (lead 2); relaxation gives 4 over 2 (lead 2):
  // equally wide, so the first found wins, and pressure changes are tried first.
  EXPECT_EQ(answer.counterfactual->changes[0].kind, Kind::set_pressure);
  EXPECT_EQ(answer.counterfactual->changes[0].pressure, Pressure::low);
  EXPECT_EQ(answer.counterfactual->score, 3.0);
  EXPECT_EQ(answer.counterfactual->runner_up, 1.0);
  EXPECT_TRUE(ranks_first(with_changes(input, answer.counterfactual->changes), technique("swedish")));
}

TEST_F(WhyNotShipped, ChangesAreOnlyPreferencesAndConditionsStay) {
  const std::vector<ProfileInput> inputs{
      make_input("low", {}, {"fibromyalgia"}, {}, {}, {"lower-back"}),
      make_input("medium", {"relief"}, {"pregnancy"}, {}, {}, {"neck"}),
      make_input("firm", {"relaxation"}, {"heart-disease"}, {}, {"swedish"}, {"hips"}),
      make_input("low", {"mobility"}, {"sciatica"}, {}, {}, {"upper-back"}),
  };
  int counterfactuals = 0;
  for (const ProfileInput& input : inputs) {
    const Profile profile = make_profile(input, *s_rules);
    const Recommendation result = recommend(*s_rules, profile);
    for (const Technique& each : s_rules->techniques()) {
      const TechniqueId id = technique(each.id);
      const WhyNot answer = why_not(*s_rules, profile, result, id);
      if (!answer.counterfactual) {
        continue;
      }
      ++counterfactuals;
      for (const PreferenceChange& change : answer.counterfactual->changes) {
        switch (change.kind) {
        case Kind::add_goal:
        case Kind::remove_goal:
          ASSERT_LT(change.goal, s_rules->concepts().size());
          EXPECT_EQ(s_rules->concepts()[change.goal].kind, ConceptKind::goal) << each.id;
          break;
        case Kind::stop_avoiding:
          EXPECT_EQ(change.technique, id) << each.id;
          break;
        case Kind::set_pressure:
        case Kind::clear_pressure:
          break;
        }
      }
      // Applied the way why_not applies them, the facts that are not preferences are untouched.
      const ProfileInput changed = with_changes(input, answer.counterfactual->changes);
      EXPECT_EQ(changed.conditions, input.conditions);
      EXPECT_EQ(changed.areas, input.areas);
      const Profile after = make_profile(changed, *s_rules);
      EXPECT_EQ(after.conditions, profile.conditions) << each.id;
      EXPECT_EQ(after.areas, profile.areas) << each.id;
      EXPECT_TRUE(ranks_first(changed, id)) << each.id;
    }
  }
  // The check above must have had something to look at.
  EXPECT_GE(counterfactuals, 6);
}

TEST_F(WhyNotShipped, SameAnswerTwice) {
  const ProfileInput input = make_input("low", {"relaxation"}, {}, "stiff lower back after sitting all day");
  const Profile profile = make_profile(input, *s_rules);
  const Recommendation result = recommend(*s_rules, profile);
  for (const Technique& each : s_rules->techniques()) {
    const WhyNot first = why_not(*s_rules, profile, result, technique(each.id));
    const WhyNot second = why_not(*s_rules, profile, result, technique(each.id));
    EXPECT_EQ(first.standing, second.standing) << each.id;
    EXPECT_EQ(first.outcome, second.outcome) << each.id;
    EXPECT_EQ(first.leader, second.leader) << each.id;
    EXPECT_EQ(first.safety_veto, second.safety_veto) << each.id;
    ASSERT_EQ(first.counterfactual.has_value(), second.counterfactual.has_value()) << each.id;
    if (first.counterfactual) {
      EXPECT_EQ(first.counterfactual->score, second.counterfactual->score) << each.id;
      EXPECT_EQ(first.counterfactual->runner_up, second.counterfactual->runner_up) << each.id;
      ASSERT_EQ(first.counterfactual->changes.size(), second.counterfactual->changes.size()) << each.id;
      for (std::size_t i = 0; i < first.counterfactual->changes.size(); ++i) {
        const PreferenceChange& a = first.counterfactual->changes[i];
        const PreferenceChange& b = second.counterfactual->changes[i];
        EXPECT_EQ(a.kind, b.kind);
        EXPECT_EQ(a.pressure, b.pressure);
        EXPECT_EQ(a.goal, b.goal);
        EXPECT_EQ(a.technique, b.technique);
      }
    }
  }
}

TEST_F(WhyNotShipped, PropertyCounterfactualsRankFirstAndVetoesOfferNothing) {
  int counterfactuals = 0;
  int vetoes = 0;
  for (const NamedInput& named : profile_table()) {
    const Profile profile = make_profile(named.input, *s_rules);
    const Recommendation result = recommend(*s_rules, profile);
    for (const Technique& each : s_rules->techniques()) {
      SCOPED_TRACE(named.name + " / " + each.id);
      const TechniqueId id = technique(each.id);
      const WhyNot answer = why_not(*s_rules, profile, result, id);
      EXPECT_EQ(answer.technique, id);

      const bool excluded_by_rule =
          answer.outcome != nullptr && std::any_of(answer.outcome->exclusions.begin(), answer.outcome->exclusions.end(),
                                                   [](const Note& note) { return note.rule != nullptr; });
      if (result.stopped_by_referral()) {
        EXPECT_EQ(answer.standing, Standing::referral);
        EXPECT_FALSE(answer.counterfactual.has_value());
        continue;
      }
      if (answer.standing == Standing::excluded && excluded_by_rule) {
        ++vetoes;
        EXPECT_TRUE(answer.safety_veto);
        EXPECT_FALSE(answer.counterfactual.has_value());
      }
      if (answer.standing == Standing::first) {
        EXPECT_FALSE(answer.counterfactual.has_value());
        EXPECT_EQ(result.suggestions.front().technique, id);
      }
      if (!answer.counterfactual) {
        // Nothing found: then no single preference change is enough either (unless vetoed or first).
        if (!answer.safety_veto && answer.standing != Standing::first) {
          for (const auto& single : single_changes(named.input, id)) {
            EXPECT_FALSE(ranks_first(with_changes(named.input, single), id));
          }
        }
        continue;
      }
      ++counterfactuals;
      const auto& changes = answer.counterfactual->changes;
      EXPECT_GE(changes.size(), 1U);
      EXPECT_LE(changes.size(), k_max_preference_changes);
      EXPECT_LE(std::count_if(changes.begin(), changes.end(),
                              [](const PreferenceChange& change) {
                                return change.kind == Kind::set_pressure || change.kind == Kind::clear_pressure;
                              }),
                1);
      const ProfileInput changed = with_changes(named.input, changes);
      const Recommendation after = recommend_for(changed);
      ASSERT_FALSE(after.stopped_by_referral());
      ASSERT_FALSE(after.suggestions.empty());
      EXPECT_EQ(technique_id(after.suggestions.front().technique), each.id);
      EXPECT_EQ(after.suggestions.front().score, answer.counterfactual->score);
      EXPECT_EQ(after.suggestions.size() > 1 ? after.suggestions[1].score : 0.0, answer.counterfactual->runner_up);
      if (changes.size() > 1) {
        // Fewest changes: no single one would have done.
        for (const auto& single : single_changes(named.input, id)) {
          EXPECT_FALSE(ranks_first(with_changes(named.input, single), id));
        }
      }
    }
  }
  // The table must exercise both sides of the property.
  EXPECT_GE(counterfactuals, 50);
  EXPECT_GE(vetoes, 6);
}

TEST(WhyNotManyGoals, OnlyTheMostPromisingSingleChangesAreCombined) {
  // Forty goals, one of which with a second lifts deep tissue over Swedish: found among the kept.
  std::string text = "version: 1\n"
                     "techniques:\n"
                     "  - {id: swedish, name: S, summary: s, pressure: low}\n"
                     "  - {id: deep-tissue, name: D, summary: d, pressure: firm}\n"
                     "concepts:\n";
  for (int i = 0; i < 40; ++i) {
    text += "  - {id: goal-" + std::to_string(i) + ", kind: goal, name: g}\n";
  }
  text += "rules:\n"
          "  - {id: base, when: {pressure: low}, score: {swedish: 3}, because: b, source: s}\n"
          "  - {id: a, when: {goal: goal-7}, score: {deep-tissue: 2}, because: b, source: s}\n"
          "  - {id: b, when: {goal: goal-31}, score: {deep-tissue: 2}, because: b, source: s}\n";
  const RuleSet rules = test_support::load_text(text);
  ProfileInput input;
  input.pressure = "low";
  const Profile profile = make_profile(input, rules);
  const Recommendation result = recommend(rules, profile);
  const WhyNot answer = why_not(rules, profile, result, *rules.find_technique("deep-tissue"));
  ASSERT_TRUE(answer.counterfactual.has_value());
  ASSERT_EQ(answer.counterfactual->changes.size(), 2U) << "no single change is enough";
  const auto goal_7 = rules.find_concept(ConceptKind::goal, "goal-7");
  const auto& changes = answer.counterfactual->changes;
  EXPECT_TRUE(std::any_of(changes.begin(), changes.end(), [&](const PreferenceChange& change) {
    return change.goal == goal_7;
  })) << "a goal that helps alone is among those combined";
}

} // namespace
} // namespace backrelief
