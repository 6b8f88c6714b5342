#include "core/authoring/rule_lint.hpp"

#include "test_support.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <string>
#include <vector>

namespace backrelief {
namespace {

using test_support::load_text;

const std::string k_header = R"(version: 1
techniques:
  - {id: gentle, name: Gentle, pressure: low, summary: Light.}
  - {id: firm, name: Firm, pressure: firm, summary: Firm.}
concepts:
  - {id: relax, kind: goal, name: relaxation}
  - {id: neck, kind: area, name: neck}
rules:
  - {id: firm-can-rank, when: {pressure: firm}, score: {firm: 1}, because: b, source: s}
)";

std::vector<std::string> warnings_of(const std::string& rules) {
  std::vector<std::string> lines;
  for (const Diagnostic& warning : lint_rules(load_text(k_header + rules))) {
    lines.push_back(warning.message);
  }
  return lines;
}

TEST(RuleLint, TheSameConditionsInAnotherOrderAndPlaceAreADuplicate) {
  EXPECT_EQ(warnings_of(R"(
  - {id: a, when: {all: [{goal: relax}, {area: neck}]}, score: {gentle: 1}, because: b, source: s}
  - id: b
    when:
      all: [{area: neck}, {goal: relax}]
    score: {gentle: 1}
    because: b
    source: s
)"),
            std::vector<std::string>{"rule 'b' duplicates rule 'a' (test.yaml:11:5): it has the same effects"});
}

TEST(RuleLint, AWiderRuleWithTheSameEffectsSubsumesANarrowerOne) {
  EXPECT_EQ(
      warnings_of(R"(
  - {id: wide, when: {goal: relax}, score: {gentle: 1}, because: b, source: s}
  - {id: narrow, when: {goal: relax, not: {area: neck}}, score: {gentle: 1}, because: b, source: s}
)"),
      std::vector<std::string>{"rule 'narrow' is subsumed by rule 'wide' (test.yaml:11:5): it has the same effects"});
}

TEST(RuleLint, MentionsAndAKindAreDifferentTests) {
  // `mentions: relax` holds for the concept whatever its kind; `goal: relax` only as a goal.
  EXPECT_TRUE(warnings_of(R"(
  - {id: a, when: {goal: relax}, score: {gentle: 1}, because: b, source: s}
  - {id: b, when: {mentions: relax}, score: {gentle: 1}, because: b, source: s}
)")
                  .empty());
}

TEST(RuleLint, AskingForALeafAndItsAbsenceCanNeverFire) {
  EXPECT_EQ(warnings_of(R"(
  - {id: never, when: {area: neck, not: {area: neck}}, score: {gentle: 1}, because: b, source: s}
)"),
            std::vector<std::string>{"rule 'never' can never fire: it asks for 'area neck' and for its absence"});
}

// A figure of speech that can match a red flag's words with nothing of its own hides the sign.
TEST(RuleLint, AnIdiomThatCanMatchARedFlagsWordsAloneIsWarnedAbout) {
  const std::string rules = R"(version: 1
techniques:
  - {id: gentle, name: Gentle, pressure: low, summary: Light.}
word-sets:
  - {id: chill-words, words: [=chilling, =chill]}
  - {id: sofa, words: [sofa, couch]}
concepts:
  - {id: chills, kind: red-flag, name: chills, phrases: [chills]}
  - id: idiom
    kind: context
    name: a figure of speech
    report_only: true
    patterns:
      - sequence: [<chill-words>]
      - near: [<chill-words>, <sofa>]
        within: 2
      - sequence: [chills, (now)]
rules:
  - {id: refer, when: {red-flag: chills}, refer: urgent, because: b, source: s}
)";
  std::vector<std::string> warnings;
  for (const Diagnostic& warning : lint_rules(load_text(rules))) {
    if (warning.message.find("figure of speech") != std::string::npos) {
      warnings.push_back(warning.message.substr(0, warning.message.find(':')));
    }
  }
  EXPECT_EQ(warnings, (std::vector<std::string>{
                          "the figure of speech 'sequence [<chill-words>]' can match 'chilling' alone, which is also "
                          "the red flag 'chills'",
                          "the figure of speech 'sequence [chills, (now)]' can match 'chills' alone, which is also "
                          "the red flag 'chills'"}));
}

TEST(RuleLint, ARedFlagThatRefersButIsNeverAskedIsWarnedAboutOnce) {
  const std::string rules = R"(version: 1
techniques:
  - {id: gentle, name: Gentle, pressure: low, summary: Light.}
concepts:
  - {id: relax, kind: goal, name: relaxation}
  - {id: saddle, kind: red-flag, name: saddle numbness}
  - {id: chills, kind: red-flag, name: chills}
  - {id: slow, kind: red-flag, name: no improvement}
rules:
  - {id: saddle-refers, when: {red-flag: saddle}, refer: emergency, because: b, source: s}
  - {id: saddle-again, when: [{red-flag: saddle}, {goal: relax}], refer: emergency, because: b, source: s}
  - {id: chills-refers, when: {red-flag: chills}, refer: urgent, because: b, source: s}
  - {id: slow-refers, when: {red-flag: slow}, refer: routine, because: b, source: s}
safety-net:
  - {level: urgent, say: See a doctor today if you notice}
questions:
  - {id: chills, ask: "Chills?", sign: chills, yes: {red-flag: chills}}
)";
  std::vector<std::string> warnings;
  for (const Diagnostic& warning : lint_rules(load_text(rules))) {
    if (warning.message.find("no question") != std::string::npos) {
      warnings.push_back(fmt::format("{}: {}", warning.where.line, warning.message));
    }
  }
  EXPECT_EQ(warnings, (std::vector<std::string>{
                          "10: rule 'saddle-refers' refers on the red flag 'saddle', but no question asks about it: "
                          "add one with 'yes: {red-flag: saddle}', or `ask`, the screening and the safety net leave "
                          "it out"}));
}

TEST(RuleLint, ATechniqueWithoutTraitsIsWarnedAboutWhenTraitsExist) {
  const std::string with_traits = R"(version: 1
traits:
  - {id: gliding, name: gliding strokes}
techniques:
  - {id: gentle, name: Gentle, pressure: low, summary: Light., traits: [gliding]}
  - {id: stones, name: Stones, pressure: low, summary: Hot.}
rules:
  - {id: s, score: {stones: 1}, because: b, source: s}
)";
  std::vector<std::string> warnings;
  for (const Diagnostic& warning : lint_rules(load_text(with_traits))) {
    warnings.push_back(warning.message);
  }
  EXPECT_EQ(warnings, (std::vector<std::string>{
                          "technique 'stones' has no traits, so no exclusion or caution written against a trait "
                          "reaches it: say how it is done, e.g. 'traits: [gliding]'"}));
  // Rule files that define no traits at all are not asked for them.
  EXPECT_TRUE(warnings_of("").empty());
}

} // namespace
} // namespace backrelief
