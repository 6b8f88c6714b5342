// The context modifiers of the shipped rules/05-context.yaml, one category at a time, over a few
// concepts of this file's own: what each kind of cue sets aside and what it must leave alone.
#include "core/text/context_marking.hpp"

#include "core/text/text_analysis.hpp"
#include "test_support.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <string>
#include <string_view>
#include <vector>

namespace backrelief {
namespace {

using Facts = std::vector<std::string>;

const std::string k_concepts = R"(version: 1
techniques:
  - {id: swedish, name: Swedish, summary: Gentle strokes., pressure: [low, medium]}
concepts:
  - {id: numbness, kind: symptom, name: numbness, phrases: [numbness, numb]}
  - {id: knots, kind: symptom, name: knots, phrases: [knot]}
  - {id: fever, kind: red-flag, name: fever, phrases: [fever], counts: 4w}
  - {id: sweats, kind: red-flag, name: night sweats, phrases: [night sweats]}
  - {id: weight-loss, kind: red-flag, name: weight loss, phrases: [weight loss]}
  - {id: saddle, kind: red-flag, name: saddle numbness, phrases: [numb bum, numbness in my groin]}
  - {id: bladder, kind: red-flag, name: bladder trouble, phrases: [can't pee, couldn't pee]}
  - {id: thinners, kind: condition, name: blood thinners, phrases: [warfarin, eliquis]}
  - {id: old-clot, kind: condition, name: a past clot, counts: ever}
  - {id: clot, kind: condition, name: a clot, phrases: [dvt], counts: 4w, past: old-clot}
)";

const RuleSet& rules() {
  static const RuleSet loaded = test_support::load_text(k_concepts);
  return loaded;
}

/// Every fact of `text` read in 2026, as `concept status`.
Facts facts_of(std::string_view text) {
  Facts out;
  for (const TextFact& fact : analyze_text(text, rules().vocabulary(), 2026).facts) {
    const std::string_view status = fact.negated        ? "negated"
                                    : fact.resolved     ? "resolved"
                                    : fact.family       ? "family"
                                    : fact.hypothetical ? "hypothetical"
                                    : fact.historical   ? "past"
                                                        : "reported";
    out.push_back(fmt::format("{} {}", rules().concepts()[fact.concept_id].id, status));
  }
  return out;
}

TEST(ContextNegated, ADenialReachesOverAWholeListOfWarningSigns) {
  EXPECT_EQ(facts_of("denies fever, night sweats or weight loss"),
            (Facts{"fever negated", "sweats negated", "weight-loss negated"}));
  EXPECT_EQ(facts_of("I don't take warfarin, aspirin, Eliquis or anything like that"),
            (Facts{"thinners negated", "thinners negated"}));
}

TEST(ContextNegated, AListEndsWhereAnItemIsAClauseOfItsOwn) {
  EXPECT_EQ(facts_of("no numbness, knots under my shoulder and fever"),
            (Facts{"numbness negated", "knots reported", "fever reported"}));
  EXPECT_EQ(facts_of("no numbness, fever"), (Facts{"numbness negated", "fever reported"}))
      << "no joining word: not a list";
}

TEST(ContextNegated, AFindingReadsBackOnlyOverItsOwnWords) {
  EXPECT_EQ(facts_of("fever was normal"), Facts{"fever negated"});
  EXPECT_EQ(facts_of("numb bum, legs normal"), Facts{"saddle reported"});
}

TEST(ContextSomeoneElse, AnyOtherPersonOrAnimal) {
  EXPECT_EQ(facts_of("a guy at work has night sweats"), Facts{"sweats family"});
  EXPECT_EQ(facts_of("our dog couldn't pee all week"), Facts{"bladder family"});
  EXPECT_EQ(facts_of("I'm fine but she has a fever"), Facts{"fever family"});
}

TEST(ContextSomeoneElse, ANoteWrittenAboutThePersonIsTheirs) {
  EXPECT_EQ(facts_of("67F. She reports a numb bum"), Facts{"saddle reported"})
      << "no 'I' or 'my' anywhere: 'she' is the person the note is about";
  EXPECT_EQ(facts_of("Client has night sweats"), Facts{"sweats reported"});
  EXPECT_EQ(facts_of("my wife says she has a fever"), Facts{"fever family"});
}

TEST(ContextSomeoneElse, APossessiveOwnsOnlyWhatFollowsIt) {
  EXPECT_EQ(facts_of("my wife says her fever is back"), Facts{"fever family"});
  EXPECT_EQ(facts_of("I told her my fever is back"), Facts{"fever reported"});
  EXPECT_EQ(facts_of("I lifted her and got a fever"), Facts{"fever reported"}) << "'her' then no concept";
}

TEST(ContextSomeoneElse, ThePersonTakesItBackButAnAsideDoesNot) {
  EXPECT_EQ(facts_of("my wife noticed I can't pee"), Facts{"bladder reported"});
  EXPECT_EQ(facts_of("my client (I'm a carer) has night sweats"), Facts{"sweats family"});
  EXPECT_EQ(facts_of("my brother had it bad: numb bum, couldn't pee"), (Facts{"saddle family", "bladder family"}));
}

TEST(ContextHypothetical, AnImaginedWarningSignIsSetAside) {
  EXPECT_EQ(facts_of("in case I get a fever, should I cancel?"), Facts{"fever hypothetical"});
  EXPECT_EQ(facts_of("can a massage cause a fever?"), Facts{"fever hypothetical"});
}

TEST(ContextHypothetical, WhatExistsOrIsToldStaysReported) {
  EXPECT_EQ(facts_of("could the numbness in my groin be from my back?"), Facts{"saddle reported"});
  EXPECT_EQ(facts_of("coughing causes me to have night sweats"), Facts{"sweats reported"})
      << "'cause' imagines only in a question";
  EXPECT_EQ(facts_of("is a fever bad?"), Facts{"fever reported"}) << "asked about, with no cue of imagining";
}

TEST(ContextResolved, AResolutionReachesBackOverAFewWords) {
  EXPECT_EQ(facts_of("the numbness went away"), Facts{"numbness resolved"});
  EXPECT_EQ(facts_of("my fever two months ago cleared up"), Facts{"fever resolved"});
  EXPECT_EQ(facts_of("a fever, the knots and my whole back stiff and sore cleared up"),
            (Facts{"fever reported", "knots reported"}))
      << "past a comma after other words, and farther than six words: out of reach";
}

TEST(ContextHistorical, OnlyAConceptThatReadsTimeIsDated) {
  EXPECT_EQ(facts_of("a fever in 1999"), Facts{"fever past"});
  EXPECT_EQ(facts_of("a fever last week"), Facts{"fever reported"});
  EXPECT_EQ(facts_of("numbness in 1999"), Facts{"numbness reported"}) << "numbness says nothing of time";
  EXPECT_EQ(facts_of("had a fever as a kid"), Facts{"fever past"});
  EXPECT_EQ(facts_of("a fever in 1999 and still have it"), Facts{"fever reported"});
}

TEST(ContextHistorical, AnOldMentionMayStandForAnotherConcept) {
  EXPECT_EQ(facts_of("PMH: DVT 2019, on warfarin"), (Facts{"clot past", "old-clot reported", "thinners reported"}));
  EXPECT_EQ(facts_of("a DVT last week"), Facts{"clot reported"});
}

} // namespace
} // namespace backrelief
