#include "core/text/text_analysis.hpp"

#include "core/rules/rule_loader.hpp"
#include "test_support.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <string>
#include <string_view>
#include <vector>

namespace backrelief {
namespace {

using test_support::load_text;

const std::string k_concepts = R"(version: 1
techniques:
  - {id: swedish, name: Swedish, summary: Gentle strokes., pressure: [low, medium]}
concepts:
  - {id: numbness, kind: symptom, name: numbness, phrases: [numbness, numb]}
  - {id: tingling, kind: symptom, name: tingling, phrases: [tingling, pins and needles]}
  - {id: stiffness, kind: symptom, name: stiffness, phrases: [stiff, stiffness]}
  - {id: trigger-point, kind: symptom, name: knots, phrases: [knot]}
  - {id: limited-bending, kind: symptom, name: cannot bend, phrases: ["can't bend"]}
  - {id: fever, kind: condition, name: fever, phrases: [fever]}
  - {id: chills, kind: symptom, name: chills, phrases: [chills]}
  - {id: sweats, kind: symptom, name: sweats, phrases: [sweats]}
  - {id: cancer, kind: condition, name: cancer, phrases: [cancer]}
  - {id: saddle-numbness, kind: red-flag, name: saddle numbness, phrases: [saddle numbness, numbness in my groin]}
)";

// A referral rule that makes the condition "fever" count as a red flag.
const std::string k_fever_referral = R"(rules:
  - {id: fever-needs-a-doctor, when: {condition: fever}, refer: urgent, because: Fever needs a doctor.}
)";

/// The concepts above, without rules.
const RuleSet& plain_rules() {
  static const RuleSet rules = load_text(k_concepts);
  return rules;
}

/// The concepts above with a referral rule for fever.
const RuleSet& referral_rules() {
  static const RuleSet rules = load_text(k_concepts + k_fever_referral);
  return rules;
}

/// Every fact found in `text`, as `concept "words"` followed by its flags.
std::vector<std::string> facts_of(std::string_view text, const RuleSet& rules = plain_rules()) {
  std::vector<std::string> out;
  for (const TextFact& fact : analyze_text(text, rules.vocabulary()).facts) {
    std::string line = fmt::format("{} \"{}\"", rules.concepts()[fact.concept_id].id, fact.from);
    line += fact.negated ? " negated" : "";
    line += fact.resolved ? " resolved" : "";
    line += fact.family ? " family" : "";
    line += fact.hypothetical ? " hypothetical" : "";
    line += fact.fuzzy ? " fuzzy" : "";
    out.push_back(std::move(line));
  }
  return out;
}

using Facts = std::vector<std::string>;

TEST(AnalyzeText, NothingInEmptyText) {
  const TextAnalysis analysis = analyze_text("", plain_rules().vocabulary());
  EXPECT_TRUE(analysis.facts.empty());
  EXPECT_FALSE(analysis.age.has_value());
  EXPECT_FALSE(analysis.duration_weeks.has_value());
  EXPECT_FALSE(analysis.intensity.has_value());
}

TEST(AnalyzeText, FindsFactsInOrderWithTheirPlace) {
  const std::string text = "Sadly, numbness in my groin and Stiffness.";
  const TextAnalysis analysis = analyze_text(text, plain_rules().vocabulary());
  ASSERT_EQ(analysis.facts.size(), 2U);
  const TextFact& saddle = analysis.facts[0];
  EXPECT_EQ(saddle.concept_id, *plain_rules().find_concept("saddle-numbness"));
  EXPECT_EQ(saddle.from, "numbness in my groin");
  EXPECT_EQ(saddle.begin, 7U);
  EXPECT_EQ(saddle.end, 27U);
  EXPECT_TRUE(saddle.affirmed());
  const TextFact& stiff = analysis.facts[1];
  EXPECT_EQ(stiff.concept_id, *plain_rules().find_concept("stiffness"));
  EXPECT_EQ(stiff.from, "Stiffness");
  EXPECT_EQ(stiff.begin, 32U);
  EXPECT_EQ(stiff.end, 41U);
}

TEST(AnalyzeText, TheLongestPhraseWins) {
  EXPECT_EQ(facts_of("numbness in my groin"), Facts{"saddle-numbness \"numbness in my groin\""});
  EXPECT_EQ(facts_of("numbness in my back"), Facts{"numbness \"numbness\""});
  EXPECT_EQ(facts_of("saddle numbness"), Facts{"saddle-numbness \"saddle numbness\""});
  EXPECT_EQ(facts_of("pins and needles"), Facts{"tingling \"pins and needles\""});
  EXPECT_EQ(facts_of("pins and stiff"), Facts{"stiffness \"stiff\""});
}

TEST(AnalyzeText, ANegationBeforeATermNegatesIt) {
  EXPECT_EQ(facts_of("no numbness"), Facts{"numbness \"numbness\" negated"});
  EXPECT_EQ(facts_of("I am not numb"), Facts{"numbness \"numb\" negated"});
  EXPECT_EQ(facts_of("without numbness"), Facts{"numbness \"numbness\" negated"});
  EXPECT_EQ(facts_of("I don't have numbness"), Facts{"numbness \"numbness\" negated"});
  EXPECT_EQ(facts_of("I dont have numbness"), Facts{"numbness \"numbness\" negated"});
  EXPECT_EQ(facts_of("I don’t have numbness"), Facts{"numbness \"numbness\" negated"});
  EXPECT_EQ(facts_of("denies numbness"), Facts{"numbness \"numbness\" negated"});
  EXPECT_EQ(facts_of("no sign of numbness"), Facts{"numbness \"numbness\" negated"});
  EXPECT_EQ(facts_of("never had numbness"), Facts{"numbness \"numbness\" negated"});
}

TEST(AnalyzeText, AResolutionAfterTermsResolvesTheListBeforeIt) {
  EXPECT_EQ(facts_of("the numbness went away"), Facts{"numbness \"numbness\" resolved"});
  EXPECT_EQ(facts_of("numbness is gone"), Facts{"numbness \"numbness\" resolved"});
  EXPECT_EQ(facts_of("pins and needles went away"), Facts{"tingling \"pins and needles\" resolved"});
  EXPECT_EQ(facts_of("numbness and tingling went away"),
            (Facts{"numbness \"numbness\" resolved", "tingling \"tingling\" resolved"}));
  EXPECT_EQ(
      facts_of("the numbness, tingling and stiffness went away"),
      (Facts{"numbness \"numbness\" resolved", "tingling \"tingling\" resolved", "stiffness \"stiffness\" resolved"}));
  EXPECT_EQ(facts_of("stiff but the numbness went away"),
            (Facts{"stiffness \"stiff\"", "numbness \"numbness\" resolved"}));
}

TEST(AnalyzeText, AnAfterTriggerPastANegatedVerbResolves) {
  EXPECT_EQ(facts_of("numbness isn't there anymore"), Facts{"numbness \"numbness\" resolved"});
}

TEST(AnalyzeText, APseudoNegationDoesNotNegate) {
  EXPECT_EQ(facts_of("not only stiff"), Facts{"stiffness \"stiff\""});
  EXPECT_EQ(facts_of("no change in the numbness"), Facts{"numbness \"numbness\""});
  EXPECT_EQ(facts_of("no idea why I am stiff"), Facts{"stiffness \"stiff\""});
  EXPECT_EQ(facts_of("not sure if it is numbness"), Facts{"numbness \"numbness\""});
}

TEST(AnalyzeText, ATerminatorEndsTheNegation) {
  for (const char* terminator : {"but", "however", "although", "except"}) {
    EXPECT_EQ(facts_of(fmt::format("no numbness {} stiff", terminator)),
              (Facts{"numbness \"numbness\" negated", "stiffness \"stiff\""}))
        << terminator;
  }
}

TEST(AnalyzeText, SentencePunctuationEndsTheNegation) {
  for (const char* end : {".", "!", ";", ":", "?"}) {
    EXPECT_EQ(facts_of(fmt::format("no numbness{} stiff", end)),
              (Facts{"numbness \"numbness\" negated", "stiffness \"stiff\""}))
        << end;
  }
}

TEST(AnalyzeText, AnEllipsisCharacterEndsTheNegation) {
  EXPECT_EQ(facts_of("no numbness… stiff"), (Facts{"numbness \"numbness\" negated", "stiffness \"stiff\""}));
}

TEST(AnalyzeText, AndAndOrKeepTheNegation) {
  EXPECT_EQ(facts_of("no numbness and stiffness"),
            (Facts{"numbness \"numbness\" negated", "stiffness \"stiffness\" negated"}));
  EXPECT_EQ(facts_of("no numbness or stiffness"),
            (Facts{"numbness \"numbness\" negated", "stiffness \"stiffness\" negated"}));
}

TEST(AnalyzeText, ACommaEndsTheNegationUnlessAListFollows) {
  EXPECT_EQ(facts_of("no fever, chills or sweats"),
            (Facts{"fever \"fever\" negated", "chills \"chills\" negated", "sweats \"sweats\" negated"}));
  EXPECT_EQ(
      facts_of("no numbness, tingling, or stiffness"),
      (Facts{"numbness \"numbness\" negated", "tingling \"tingling\" negated", "stiffness \"stiffness\" negated"}));
  EXPECT_EQ(facts_of("no numbness, knots"), (Facts{"numbness \"numbness\" negated", "trigger-point \"knots\""}));
  EXPECT_EQ(facts_of("no numbness, knots under my shoulder and stiff"),
            (Facts{"numbness \"numbness\" negated", "trigger-point \"knots\"", "stiffness \"stiff\""}));
}

TEST(AnalyzeText, AndIOrAndMyStartANewClause) {
  EXPECT_EQ(facts_of("no stiffness and I have numbness"),
            (Facts{"stiffness \"stiffness\" negated", "numbness \"numbness\""}));
  EXPECT_EQ(facts_of("no stiffness and my numbness is worse"),
            (Facts{"stiffness \"stiffness\" negated", "numbness \"numbness\""}));
}

TEST(AnalyzeText, APlainConceptIsNegatedUpToEightWordsAfterTheTrigger) {
  EXPECT_EQ(facts_of("no problems at all with it lately or numbness"), Facts{"numbness \"numbness\" negated"});
  EXPECT_EQ(facts_of("no problems at all with it lately really or any numbness"), Facts{"numbness \"numbness\""});
  // "or" and the other list words are not counted: a denial reaches over a list.
  EXPECT_EQ(facts_of("no problems at all with it lately or any numbness"), Facts{"numbness \"numbness\" negated"});
}

TEST(AnalyzeText, ARedFlagIsNegatedOnlyUpToFiveWordsAfterTheTrigger) {
  EXPECT_EQ(facts_of("no saddle numbness"), Facts{"saddle-numbness \"saddle numbness\" negated"});
  EXPECT_EQ(facts_of("no problems at all with saddle numbness"), Facts{"saddle-numbness \"saddle numbness\" negated"});
  // Five words between: a plain concept is still negated, a red flag is not.
  EXPECT_EQ(facts_of("no problems at all with any numbness"), Facts{"numbness \"numbness\" negated"});
  EXPECT_EQ(facts_of("no problems at all with any saddle numbness"), Facts{"saddle-numbness \"saddle numbness\""});
}

TEST(AnalyzeText, AConceptOfAReferralRuleIsTreatedAsARedFlag) {
  EXPECT_FALSE(plain_rules().vocabulary().is_red_flag(*plain_rules().find_concept("fever")));
  EXPECT_TRUE(referral_rules().vocabulary().is_red_flag(*referral_rules().find_concept("fever")));
  EXPECT_EQ(facts_of("no problems at all with any fever", plain_rules()), Facts{"fever \"fever\" negated"});
  EXPECT_EQ(facts_of("no problems at all with any fever", referral_rules()), Facts{"fever \"fever\""});
  EXPECT_EQ(facts_of("no fever", referral_rules()), Facts{"fever \"fever\" negated"});
  EXPECT_EQ(facts_of("what if I get a fever?", plain_rules()), Facts{"fever \"fever\" hypothetical"});
  EXPECT_EQ(facts_of("what if I get a fever?", referral_rules()), Facts{"fever \"fever\" hypothetical"});
  EXPECT_EQ(facts_of("is a fever bad?", referral_rules()), Facts{"fever \"fever\""})
      << "asked about with no cue of imagining: a warning sign is kept";
}

TEST(AnalyzeText, APhraseHoldingANegationWordIsASymptom) {
  EXPECT_EQ(facts_of("I can't bend over because it is stiff"),
            (Facts{"limited-bending \"can't bend\"", "stiffness \"stiff\""}));
  EXPECT_EQ(facts_of("I can’t bend"), Facts{"limited-bending \"can’t bend\""});
  EXPECT_EQ(facts_of("I cant bend"), Facts{"limited-bending \"cant bend\""});
}

TEST(AnalyzeText, FamilyHistoryIsSomeoneElses) {
  EXPECT_EQ(facts_of("my dad had cancer"), Facts{"cancer \"cancer\" family"});
  EXPECT_EQ(facts_of("My Mum had cancer"), Facts{"cancer \"cancer\" family"});
  EXPECT_EQ(facts_of("family history of cancer"), Facts{"cancer \"cancer\" family"});
  EXPECT_EQ(facts_of("my dad had cancer and numbness"),
            (Facts{"cancer \"cancer\" family", "numbness \"numbness\" family"}));
  EXPECT_EQ(facts_of("my brother has no numbness"), Facts{"numbness \"numbness\" negated family"});
}

TEST(AnalyzeText, APossessiveRelativeIsFamily) {
  EXPECT_EQ(facts_of("my dad's cancer"), Facts{"cancer \"cancer\" family"});
  EXPECT_EQ(facts_of("my dad’s cancer is back"), Facts{"cancer \"cancer\" family"});
  EXPECT_EQ(facts_of("my sister's numbness"), Facts{"numbness \"numbness\" family"});
}

TEST(AnalyzeText, FamilyHistoryEndsWithIOrMeOrTheClause) {
  EXPECT_EQ(facts_of("my mum had cancer and I have numbness"),
            (Facts{"cancer \"cancer\" family", "numbness \"numbness\""}));
  EXPECT_EQ(facts_of("my mum told me I am numb"), Facts{"numbness \"numb\""});
  EXPECT_EQ(facts_of("my dad had cancer, stiff neck here"), (Facts{"cancer \"cancer\" family", "stiffness \"stiff\""}));
  EXPECT_EQ(facts_of("my dad had cancer. Numbness"), (Facts{"cancer \"cancer\" family", "numbness \"Numbness\""}));
  EXPECT_EQ(facts_of("my dad had cancer but numbness"), (Facts{"cancer \"cancer\" family", "numbness \"numbness\""}));
}

TEST(AnalyzeText, WhatIsImaginedOrAskedIsHypothetical) {
  EXPECT_EQ(facts_of("what if I get numbness"), Facts{"numbness \"numbness\" hypothetical"});
  EXPECT_EQ(facts_of("in case of numbness"), Facts{"numbness \"numbness\" hypothetical"});
  EXPECT_EQ(facts_of("is numbness normal?"), Facts{"numbness \"numbness\" hypothetical"});
  EXPECT_EQ(facts_of("Does the stiffness mean cancer?"),
            (Facts{"stiffness \"stiffness\" hypothetical", "cancer \"cancer\" hypothetical"}));
  EXPECT_EQ(facts_of("what if I get numbness, tingling or stiffness"),
            (Facts{"numbness \"numbness\" hypothetical", "tingling \"tingling\" hypothetical",
                   "stiffness \"stiffness\" hypothetical"}));
}

TEST(AnalyzeText, OnlyAQuestionOpeningWithAQuestionWordIsHypothetical) {
  EXPECT_EQ(facts_of("knots everywhere, is that bad?"), Facts{"trigger-point \"knots\""});
  EXPECT_EQ(facts_of("numbness?"), Facts{"numbness \"numbness\""});
  EXPECT_EQ(facts_of("is numbness normal."), Facts{"numbness \"numbness\""});
  EXPECT_EQ(facts_of("what if I get numbness. I am stiff"),
            (Facts{"numbness \"numbness\" hypothetical", "stiffness \"stiff\""}));
}

TEST(AnalyzeText, AnImaginedRedFlagIsSetAsideAnAskedOneKept) {
  EXPECT_EQ(facts_of("what if I get saddle numbness"), Facts{"saddle-numbness \"saddle numbness\" hypothetical"});
  EXPECT_EQ(facts_of("is saddle numbness bad?"), Facts{"saddle-numbness \"saddle numbness\""});
  EXPECT_EQ(facts_of("what if the saddle numbness is from my back?"), Facts{"saddle-numbness \"saddle numbness\""})
      << "a definite word says it exists";
}

TEST(AnalyzeText, CutsAnOverLongDescriptionAtAWordBeforeTheLimit) {
  // "numbness " + filler + " tingling": exactly the limit, then one byte over.
  const std::size_t filler = k_max_description_bytes - 18;
  const std::string fits = "numbness " + std::string(filler, 'a') + " tingling";
  ASSERT_EQ(fits.size(), k_max_description_bytes);
  EXPECT_EQ(facts_of(fits), (Facts{"numbness \"numbness\"", "tingling \"tingling\""}));
  const std::string over = "numbness " + std::string(filler + 1, 'a') + " tingling";
  EXPECT_EQ(facts_of(over), Facts{"numbness \"numbness\""});
}

TEST(AnalyzeText, AnalysesAMegabyteAndCutsWhatIsBeyond) {
  const std::string sentence = "my back is stiff and numb. ";
  std::string text;
  while (text.size() < 2 * k_max_description_bytes) {
    text += sentence;
  }
  const TextAnalysis analysis = analyze_text(text, plain_rules().vocabulary());
  // Whole sentences up to the limit count; the cut falls at a space before it.
  const std::size_t whole = k_max_description_bytes / sentence.size();
  ASSERT_GE(analysis.facts.size(), 2U * whole);
  ASSERT_LE(analysis.facts.size(), 2U * whole + 2U);
  EXPECT_LE(analysis.facts.back().end, k_max_description_bytes);

  const TextAnalysis no_spaces =
      analyze_text(std::string(2 * k_max_description_bytes, 'a'), plain_rules().vocabulary());
  EXPECT_TRUE(no_spaces.facts.empty());
}

TEST(AnalyzeText, ReadsNumbersAlongsideFacts) {
  const TextAnalysis analysis = analyze_text("I'm 72, stiff for 6 months, pain 7/10", plain_rules().vocabulary());
  ASSERT_EQ(analysis.facts.size(), 1U);
  EXPECT_EQ(analysis.facts[0].from, "stiff");
  ASSERT_TRUE(analysis.age && analysis.duration_weeks && analysis.intensity);
  EXPECT_EQ(analysis.age->value, 72.0);
  EXPECT_EQ(analysis.duration_weeks->value, 26.0);
  EXPECT_EQ(analysis.intensity->value, 7.0);
}

} // namespace
} // namespace backrelief
