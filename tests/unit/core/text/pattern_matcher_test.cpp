#include "core/text/pattern_matcher.hpp"

#include "core/text/text_analysis.hpp"
#include "test_support.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <string>
#include <string_view>
#include <vector>

namespace backrelief {
namespace {

using test_support::load_text;
using Facts = std::vector<std::string>;

const RuleSet& rules() {
  static const RuleSet loaded = load_text(R"(version: 1
techniques:
  - {id: swedish, name: Swedish, summary: Gentle strokes., pressure: [low, medium]}
word-sets:
  - {id: numb, words: [numb, no feeling, pins and needles]}
  - {id: saddle-area, words: [bottom, bum, groin, inner thighs]}
  - {id: both, words: [both, two]}
  - {id: legs, words: [=legs, thighs]}
  - {id: weak, words: [weak, wobbly, give way]}
  - {id: toilet, words: [toilet, loo]}
  - {id: clause-breaks, words: [but, although]}
concepts:
  - {id: numbness, kind: symptom, name: numbness, phrases: [numb]}
  - {id: tingling, kind: symptom, name: tingling, phrases: [tingly]}
  - {id: injection, kind: context, name: injection, phrases: [injection]}
  - id: saddle-numbness
    kind: red-flag
    name: saddle numbness
    patterns:
      - near: [<numb>, <saddle-area>]
        within: 3
        not-near: [injection, anaesthetic]
  - id: both-legs
    kind: red-flag
    name: both legs
    patterns:
      - sequence: [<both>, (my), <legs>, ...3, <weak>]
  - id: toilet-numbness
    kind: red-flag
    name: numb on the toilet
    patterns:
      - sequence: [<numb>, ...4, <toilet>]
        only-near: [wipe, wiping]
        reach: 4
)");
  return loaded;
}

Facts facts_of(std::string_view text) {
  Facts out;
  for (const TextFact& fact : analyze_text(text, rules().vocabulary()).facts) {
    std::string line = fmt::format("{} \"{}\"", rules().concepts()[fact.concept_id].id, fact.from);
    line += fact.negated ? " negated" : "";
    line += fact.resolved ? " resolved" : "";
    line += fact.family ? " family" : "";
    line += fact.by_pattern ? "" : " phrase";
    out.push_back(std::move(line));
  }
  return out;
}

TEST(PatternMatcher, ANearFindsItsElementsInEitherOrder) {
  EXPECT_EQ(facts_of("my bottom feels numb"),
            (Facts{"saddle-numbness \"bottom feels numb\"", "numbness \"numb\" phrase"}));
  EXPECT_EQ(facts_of("numb around my groin"),
            (Facts{"numbness \"numb\" phrase", "saddle-numbness \"numb around my groin\""}));
  EXPECT_EQ(facts_of("no feeling in my inner thighs"), Facts{"saddle-numbness \"no feeling in my inner thighs\""});
}

TEST(PatternMatcher, ANearTakesTheNearestWords) {
  // near [a, b] within 4 over "b x x a b": the b next to the a, not the first b in reach, so
  // the farther words stay free for other hits.
  CompiledPatterns patterns;
  patterns.sets = {{{1}}, {{2}}};
  patterns.set_names = {"a", "b"};
  CompiledPatterns::Rule rule;
  rule.near = true;
  rule.within = 4;
  rule.steps = {{false, false, 0, 0}, {false, false, 0, 1}};
  patterns.patterns = {rule};
  const PatternMatcher matcher(patterns);
  const std::vector<std::optional<WordId>> words{2, 9, 9, 1, 2};
  const auto hits = matcher.find(patterns, words, {}, std::vector<std::uint32_t>(words.size(), 0));
  ASSERT_EQ(hits.size(), 1U);
  EXPECT_EQ(hits[0].positions, (std::vector<std::uint32_t>{3, 4}));
}

TEST(PatternMatcher, ANearKeepsWithinItsWords) {
  EXPECT_EQ(facts_of("numb toes and a sore bottom"), (Facts{"numbness \"numb\" phrase"}));
  EXPECT_EQ(facts_of("numb toes, my bottom"),
            (Facts{"numbness \"numb\" phrase", "saddle-numbness \"numb toes, my bottom\""}));
}

TEST(PatternMatcher, NothingMatchesAcrossAClause) {
  EXPECT_EQ(facts_of("my legs are numb. My bottom is sore"), (Facts{"numbness \"numb\" phrase"}));
  EXPECT_EQ(facts_of("numb but my bottom is fine"), (Facts{"numbness \"numb\" phrase"}));
  EXPECT_EQ(facts_of("is my bottom numb?"), (Facts{"saddle-numbness \"bottom numb\"", "numbness \"numb\" phrase"}));
}

TEST(PatternMatcher, ASequenceTakesOptionalWordsAndBoundedGaps) {
  EXPECT_EQ(facts_of("both legs feel weak"), Facts{"both-legs \"both legs feel weak\""});
  EXPECT_EQ(facts_of("both my legs keep wanting to give way"),
            Facts{"both-legs \"both my legs keep wanting to give way\""});
  EXPECT_EQ(facts_of("two thighs so very very weak"), Facts{"both-legs \"two thighs so very very weak\""});
  EXPECT_TRUE(facts_of("both legs are so very very very weak").empty());
  EXPECT_TRUE(facts_of("weak legs, both of them").empty()); // a sequence keeps its order
}

TEST(PatternMatcher, AnExactFormMatchesOnlyAsWritten) {
  EXPECT_EQ(facts_of("both legs feel weak"), Facts{"both-legs \"both legs feel weak\""});
  EXPECT_TRUE(facts_of("both leg feel weak").empty());
  EXPECT_EQ(facts_of("both thigh feel weak"), Facts{"both-legs \"both thigh feel weak\""}); // stemmed as usual
}

TEST(PatternMatcher, NotNearAndOnlyNearConstrainAHit) {
  EXPECT_EQ(facts_of("my bum is numb from the injection"),
            (Facts{"numbness \"numb\" phrase", "injection \"injection\" phrase"}));
  EXPECT_EQ(facts_of("numb on the toilet"), (Facts{"numbness \"numb\" phrase"}));
  EXPECT_EQ(facts_of("numb on the toilet when I wipe"),
            (Facts{"numbness \"numb\" phrase", "toilet-numbness \"numb on the toilet\""}));
  EXPECT_EQ(facts_of("numb when I sit down on the toilet and wipe"), (Facts{"numbness \"numb\" phrase"})); // gap of 5
}

TEST(PatternMatcher, AHitKeepsThePhrasesOfOtherConceptsInsideIt) {
  // "numb" is still numbness; the red flag is found besides.
  EXPECT_EQ(facts_of("numb bottom, tingly"),
            (Facts{"numbness \"numb\" phrase", "saddle-numbness \"numb bottom\"", "tingling \"tingly\" phrase"}));
}

TEST(PatternMatcher, ANegationAmongTheWordsOfAHitNegatesIt) {
  EXPECT_EQ(facts_of("my bottom is not numb"),
            (Facts{"saddle-numbness \"bottom is not numb\" negated", "numbness \"numb\" negated phrase"}));
  EXPECT_EQ(facts_of("no numb feeling in my bottom"),
            (Facts{"numbness \"numb\" negated phrase", "saddle-numbness \"numb feeling in my bottom\" negated"}));
}

TEST(PatternMatcher, GoneBeforeASymptomIsAChangeNotANegation) {
  EXPECT_EQ(facts_of("both legs have gone weak"), Facts{"both-legs \"both legs have gone weak\""});
  EXPECT_EQ(facts_of("my bottom has gone numb"),
            (Facts{"saddle-numbness \"bottom has gone numb\"", "numbness \"numb\" phrase"}));
  EXPECT_EQ(facts_of("the numb bottom has gone"),
            (Facts{"numbness \"numb\" resolved phrase", "saddle-numbness \"numb bottom\" resolved"}));
}

TEST(PatternMatcher, AFactSaysWhatFoundItAndWhatQualifiedIt) {
  const TextAnalysis analysis = analyze_text("my dad says his bottom is numb, no tingly", rules().vocabulary());
  ASSERT_EQ(analysis.facts.size(), 3U); // the red flag, "numb" and "tingly"
  const TextFact& saddle = analysis.facts[0];
  ASSERT_TRUE(saddle.by_pattern);
  EXPECT_EQ(rules().vocabulary().patterns().patterns.at(saddle.source).text,
            "near [<numb>, <saddle-area>] within 3 not near [injection, anaesthetic]");
  const TextFact& tingly = analysis.facts[2];
  EXPECT_FALSE(tingly.by_pattern);
  EXPECT_TRUE(tingly.negated);
  EXPECT_EQ(tingly.qualifier, "no");
  EXPECT_EQ(rules().vocabulary().phrase_where(tingly.source).line, 14);
}

TEST(PatternMatcher, TheHitWithMoreWordsWins) {
  CompiledPatterns patterns;
  patterns.sets = {{{1}}, {{2}}, {{3}}};
  patterns.set_names = {"a", "b", "c"};
  CompiledPatterns::Rule short_rule;
  short_rule.concept_id = 0;
  short_rule.steps = {{false, false, 0, 0}, {false, false, 0, 1}};
  CompiledPatterns::Rule long_rule;
  long_rule.concept_id = 1;
  long_rule.steps = {{false, false, 0, 1}, {true, false, 2, 0}, {false, false, 0, 2}};
  long_rule.near = false;
  patterns.patterns = {short_rule, long_rule};
  const PatternMatcher matcher(patterns);
  const std::vector<std::optional<WordId>> words{1, 2, 9, 3};
  const std::vector<std::uint32_t> sentence(words.size(), 0);
  // "a b" (2 words) and "b ... c" (2 words, later) share b: the earlier wins on a tie.
  auto hits = matcher.find(patterns, words, {}, sentence);
  ASSERT_EQ(hits.size(), 1U);
  EXPECT_EQ(hits[0].pattern, 0U);
  // With c as a two-word member, "b ... c c" has three words and wins.
  patterns.sets[2] = {{3, 3}};
  const PatternMatcher longer(patterns);
  const std::vector<std::optional<WordId>> more{1, 2, 9, 3, 3};
  hits = longer.find(patterns, more, {}, std::vector<std::uint32_t>(more.size(), 0));
  ASSERT_EQ(hits.size(), 1U);
  EXPECT_EQ(hits[0].pattern, 1U);
  EXPECT_EQ(hits[0].positions, (std::vector<std::uint32_t>{1, 3, 4}));
}

TEST(PatternMatcher, ARedFlagWinsSharedWordsThenAFigureOfSpeechWinsOverIt) {
  CompiledPatterns patterns;
  patterns.sets = {{{1}}, {{2}}, {{3}}};
  patterns.set_names = {"a", "b", "c"};
  CompiledPatterns::Rule longer; // a b c: three words, concept 0
  longer.concept_id = 0;
  longer.steps = {{false, false, 0, 0}, {false, false, 0, 1}, {false, false, 0, 2}};
  CompiledPatterns::Rule red_flag; // b c: two words, concept 1
  red_flag.concept_id = 1;
  red_flag.steps = {{false, false, 0, 1}, {false, false, 0, 2}};
  patterns.patterns = {longer, red_flag};
  const std::vector<std::optional<WordId>> words{1, 2, 3};
  const std::vector<std::uint32_t> sentence(words.size(), 0);
  const PatternMatcher plain(patterns);
  auto hits = plain.find(patterns, words, {}, sentence);
  ASSERT_EQ(hits.size(), 1U);
  EXPECT_EQ(hits[0].pattern, 0U); // no red flags: more words win
  hits = plain.find(patterns, words, {}, sentence, {false, true});
  ASSERT_EQ(hits.size(), 1U);
  EXPECT_EQ(hits[0].pattern, 1U); // concept 1 is a red flag
  patterns.patterns[0].absorbs = true;
  const PatternMatcher with_idiom(patterns);
  hits = with_idiom.find(patterns, words, {}, sentence, {false, true});
  ASSERT_EQ(hits.size(), 1U);
  EXPECT_EQ(hits[0].pattern, 0U); // a report-only concept holds its words
}

TEST(PatternMatcher, ANegatedWordNeitherBlocksNorAllowsAHit) {
  // "not from an injection": the injection is denied, so it does not explain the numbness away.
  EXPECT_EQ(
      facts_of("my bum is numb and not from an injection"),
      (Facts{"saddle-numbness \"bum is numb\"", "numbness \"numb\" phrase", "injection \"injection\" negated phrase"}));
  // "I don't wipe": a denied companion does not let the pattern match.
  EXPECT_EQ(facts_of("numb on the toilet, I do not wipe"), (Facts{"numbness \"numb\" phrase"}));
}

TEST(PatternMatcher, ACompanionAnywhereInTheClauseCountsOnceTheClauseIsLong) {
  // Reach 0 is the whole clause, however long: the words of a constraint are found by position.
  std::string text = "my bum is numb";
  for (int i = 0; i < 200; ++i) {
    text += " and so on";
  }
  EXPECT_EQ(facts_of(text + " from the injection").front(), "numbness \"numb\" phrase");
  EXPECT_EQ(facts_of(text).front(), "saddle-numbness \"bum is numb\"");
}

// A sequence whose gaps and optional elements could be combined in many ways finds its match,
// and one that has none is given up on after each step is tried once at each position.
TEST(PatternMatcher, ASequenceTriesEachStepOnceAtEachPosition) {
  CompiledPatterns patterns;
  patterns.sets = {{{1}}, {{2}}, {{3}}};
  patterns.set_names = {"a", "b", "c"};
  CompiledPatterns::Rule rule;
  rule.steps = {{false, false, 0, 0}, {true, false, 8, 0}, {false, true, 0, 1}, {true, false, 8, 0},
                {false, true, 0, 1},  {true, false, 8, 0}, {false, true, 0, 1}, {false, false, 0, 2}};
  patterns.patterns = {rule};
  const PatternMatcher matcher(patterns);
  std::vector<std::optional<WordId>> words{1};
  for (int i = 0; i < 20; ++i) {
    words.emplace_back(2);
  }
  words.emplace_back(3);
  const std::vector<std::uint32_t> sentence(words.size(), 0);
  auto hits = matcher.find(patterns, words, {}, sentence);
  ASSERT_EQ(hits.size(), 1U);
  EXPECT_EQ(hits[0].positions.front(), 0U);
  EXPECT_EQ(hits[0].positions.back(), 21U);
  words.back() = 2; // no c: nothing, without trying every way through the gaps
  hits = matcher.find(patterns, words, {}, sentence);
  EXPECT_TRUE(hits.empty());
}

// Elements whose sets share words are placed apart: "a" and "b" both hold word 1.
TEST(PatternMatcher, ANearPlacesElementsWhoseSetsShareWords) {
  CompiledPatterns patterns;
  patterns.sets = {{{1}, {2}}, {{1}, {3}}, {{4}}};
  patterns.set_names = {"a", "b", "c"};
  CompiledPatterns::Rule rule;
  rule.near = true;
  rule.within = 2;
  rule.steps = {{false, false, 0, 2}, {false, false, 0, 0}, {false, false, 0, 1}, {false, false, 0, 0}};
  patterns.patterns = {rule};
  const PatternMatcher matcher(patterns);
  const std::vector<std::optional<WordId>> words{1, 4, 1, 2};
  const std::vector<std::uint32_t> sentence(words.size(), 0);
  const auto hits = matcher.find(patterns, words, {}, sentence);
  ASSERT_EQ(hits.size(), 1U);
  EXPECT_EQ(hits[0].positions, (std::vector<std::uint32_t>{0, 1, 2, 3}));
}

} // namespace
} // namespace backrelief
