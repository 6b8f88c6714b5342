#include "core/rules/question_parser.hpp"

#include "core/rules/rule_loader.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>
#include <string>
#include <vector>

namespace backrelief {
namespace {

using test_support::load_errors;
using test_support::load_text;

// Twelve lines, and the safety net's key: two red flags, one referring urgently and one in an emergency, and a symptom.
const std::string k_base = R"(version: 1
techniques:
  - {id: swedish, name: Swedish, summary: Gentle strokes., pressure: [low, medium]}
concepts:
  - {id: fever, kind: condition, name: fever}
  - {id: saddle-numbness, kind: red-flag, name: saddle numbness}
  - {id: stiffness, kind: symptom, name: stiffness}
rules:
  - {id: fever-refers, when: {condition: fever}, refer: urgent, because: Fever.}
  - {id: saddle-refers, when: {red-flag: saddle-numbness}, refer: emergency, because: Saddle.}
  - {id: stiff-swedish, when: {symptom: stiffness}, score: {swedish: 1}, because: Stiff.}
safety-net:
)";

const std::string k_net = R"(  - {level: emergency, say: Call now if you notice}
  - {level: urgent, say: See a doctor today if you notice}
)";

TEST(Questions, ReadInOrderWithTheirTiers) {
  const RuleSet rules = load_text(k_base + k_net + R"(questions:
  - {id: saddle, ask: "Numb down there?", sign: numb bottom, yes: {red-flag: saddle-numbness}}
  - {id: fever, ask: "A fever?", yes: {condition: fever}}
  - {id: stiff, ask: "Stiff?", yes: {symptom: stiffness}}
  - {id: area, field: area, ask: "Where does it hurt?"}
)");
  const auto& questions = rules.questions();
  ASSERT_EQ(questions.size(), 4U);
  EXPECT_EQ(questions[0].id, "saddle");
  EXPECT_EQ(questions[0].sign, "numb bottom");
  EXPECT_EQ(questions[0].tier, ReferralLevel::emergency);
  EXPECT_EQ(questions[0].where.line, 16);
  EXPECT_EQ(questions[1].tier, ReferralLevel::urgent);
  EXPECT_EQ(questions[1].sign, ""); // a fact of history: not in the safety net
  EXPECT_EQ(questions[2].tier, std::nullopt) << "no referral rule asks for stiffness";
  EXPECT_EQ(questions[3].field, QuestionField::area);
  ASSERT_EQ(rules.safety_net().size(), 2U);
  EXPECT_EQ(rules.safety_net()[0].level, ReferralLevel::emergency);
}

TEST(Questions, TierFollowsTheRulesThatRemain) {
  const RuleSet rules = load_text(k_base + k_net + R"(disable: [saddle-refers]
questions:
  - {id: saddle, ask: "Numb down there?", yes: {red-flag: saddle-numbness}}
)");
  EXPECT_EQ(rules.questions()[0].tier, std::nullopt);
}

TEST(Questions, RefuseWhatTheyCannotAsk) {
  EXPECT_EQ(load_errors(k_base + k_net + R"(questions:
  - {id: saddle, ask: "Numb?", yes: {red-flag: saddle-numbness}}
  - {id: numb, ask: "Numb?", yes: {red-flag: saddle-numbnes}}
  - {id: fever, ask: "A fever?"}
  - {id: where, field: areas, ask: "Where?"}
  - {id: pressure, field: pressure, ask: "Pressure?", sign: firm}
  - {id: both, ask: "Both?", yes: {any: [{condition: fever}, {red-flag: saddle-numbness}]}}
  - {ask: "No id?", yes: {condition: fever}}
  - {id: saddle, ask: "Again?", yes: {red-flag: saddle-numbness}}
)"),
            (std::vector<std::string>{
                "test.yaml:17:46: unknown red-flag 'saddle-numbnes' (did you mean 'saddle-numbness'?)",
                "test.yaml:18:5: question 'fever' asks about a warning sign, so it needs 'yes': the facts a yes sets, "
                "e.g. {red-flag: saddle-numbness}; a question about something else names its 'field'",
                "test.yaml:19:24: unknown field 'areas' (did you mean 'area'?); expected one of sign, area, goal, "
                "condition, pressure, age, duration, intensity, description",
                "test.yaml:20:61: 'sign', 'yes', 'hints' and 'hint-when' belong to a warning-sign question; question "
                "'pressure' "
                "asks for its pressure",
                "test.yaml:21:35: a yes sets facts, such as {red-flag: saddle-numbness} or a list of them; it cannot "
                "test numbers or use any and not",
                "test.yaml:22:5: a question needs the key 'id'",
                "test.yaml:23:5: duplicate question id 'saddle' (first defined at test.yaml:16:5); add 'replaces: "
                "true' to replace it",
            }));
}

TEST(Questions, ASignNeedsWordsForWhatToDoAtItsTier) {
  EXPECT_EQ(load_errors(k_base + R"(  - {level: urgent, say: See a doctor today if you notice}
  - {level: urgen, say: Typo}
questions:
  - {id: saddle, ask: "Numb?", sign: numb bottom, yes: {red-flag: saddle-numbness}}
  - {id: silent, ask: "Numb?", yes: {red-flag: saddle-numbness}}
)"),
            (std::vector<std::string>{
                "test.yaml:14:13: unknown level 'urgen' (did you mean 'urgent'?); expected one of routine, urgent, "
                "emergency",
                "test.yaml:16:5: question 'saddle' is about a sign that refers at level emergency, but no "
                "'safety-net' entry says what to do at that level: add {level: emergency, say: ...}",
            }));
}

TEST(Questions, ALaterFileReplacesAQuestionInItsPlace) {
  const RuleSet rules = load_rules({test_support::shipped_context(), RuleSource{"a.yaml", k_base + k_net + R"(questions:
  - {id: saddle, ask: "Numb?", sign: numb bottom, yes: {red-flag: saddle-numbness}}
  - {id: fever, ask: "A fever?", yes: {condition: fever}}
)"},
                                    RuleSource{"b.yaml", R"(version: 1
questions:
  - {id: saddle, replaces: true, ask: "Taubheit im Schritt?", sign: Taubheit, yes: {red-flag: saddle-numbness}}
)"}});
  ASSERT_EQ(rules.questions().size(), 2U);
  EXPECT_EQ(rules.questions()[0].ask, "Taubheit im Schritt?");
  EXPECT_EQ(rules.questions()[0].tier, ReferralLevel::emergency);
}

} // namespace
} // namespace backrelief
