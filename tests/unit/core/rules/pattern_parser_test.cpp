#include "core/rules/pattern_parser.hpp"

#include "test_support.hpp"

#include <gtest/gtest.h>
#include <string>
#include <vector>

namespace backrelief {
namespace {

using test_support::load_errors;
using test_support::load_text;

const std::string k_head = R"(version: 1
techniques:
  - {id: swedish, name: Swedish, summary: Gentle strokes., pressure: [low, medium]}
word-sets:
  - {id: numb, words: [numb, no feeling]}
  - {id: saddle-area, words: [bottom, inner thighs]}
concepts:
  - id: saddle-numbness
    kind: red-flag
    name: saddle numbness
    patterns:
)";

// The one diagnostic of a pattern written after k_head's `patterns:` (line 11 on).
std::string error_of(const std::string& pattern) {
  const auto errors = load_errors(k_head + pattern);
  EXPECT_EQ(errors.size(), 1U) << pattern;
  return errors.empty() ? std::string{} : errors.front();
}

TEST(PatternParser, ReadsSequencesAndNears) {
  const RuleSet rules = load_text(k_head + R"(      - sequence: [<saddle-area>, ...3, (feels), <numb>]
      - near: [<numb>, <saddle-area>]
        within: 4
        not-near: [injection]
        reach: 3
)");
  const Concept& entry = rules.concepts()[*rules.find_concept("saddle-numbness")];
  ASSERT_EQ(entry.patterns.size(), 2U);
  const Pattern& sequence = entry.patterns[0];
  EXPECT_EQ(sequence.kind, Pattern::Kind::sequence);
  ASSERT_EQ(sequence.elements.size(), 4U);
  EXPECT_EQ(sequence.elements[1].kind, PatternElement::Kind::gap);
  EXPECT_EQ(sequence.elements[1].max_gap, 3);
  EXPECT_TRUE(sequence.elements[2].optional);
  EXPECT_EQ(sequence.elements[2].text, "feels");
  EXPECT_EQ(sequence.text, "sequence [<saddle-area>, ...3, (feels), <numb>]");
  EXPECT_EQ(sequence.where.line, 12);
  const Pattern& near = entry.patterns[1];
  EXPECT_EQ(near.kind, Pattern::Kind::near);
  EXPECT_EQ(near.within, 4);
  EXPECT_EQ(near.reach, 3);
  EXPECT_EQ(near.text, "near [<numb>, <saddle-area>] within 4 not near [injection]");
  ASSERT_NE(rules.find_word_set("saddle-area"), nullptr);
  EXPECT_EQ(rules.find_word_set("saddle-area")->members, (std::vector<std::string>{"bottom", "inner thighs"}));
}

TEST(PatternParser, AnUnknownSetIsNamedAtItsPlaceWithASuggestion) {
  EXPECT_EQ(error_of("      - sequence: [<numbb>, <saddle-area>]\n"),
            "test.yaml:12:20: unknown word set '<numbb>' (did you mean 'numb'?)");
  EXPECT_EQ(load_errors(k_head + "      - near: [<numb>, <saddle>]\n        within: 2\n        not-near: [<lumb>]\n"),
            (std::vector<std::string>{"test.yaml:12:24: unknown word set '<saddle>' (did you mean 'saddle-area'?)",
                                      "test.yaml:14:20: unknown word set '<lumb>' (did you mean 'numb'?)"}));
}

TEST(PatternParser, AGapMustBeBounded) {
  EXPECT_EQ(error_of("      - sequence: [<numb>, ..., <saddle-area>]\n"),
            "test.yaml:12:28: a gap must say how many words it may skip, from 1 to 8, e.g. '...3'; an unbounded "
            "gap would join words far apart");
  EXPECT_EQ(error_of("      - sequence: [<numb>, ...9, <saddle-area>]\n"),
            "test.yaml:12:28: bad gap '...9': expected '...' and a number of words from 1 to 8, e.g. '...3'");
  EXPECT_EQ(error_of("      - sequence: [<numb>, ...0, <saddle-area>]\n"),
            "test.yaml:12:28: bad gap '...0': expected '...' and a number of words from 1 to 8, e.g. '...3'");
  EXPECT_EQ(error_of("      - sequence: [<numb>, ...x, <saddle-area>]\n"),
            "test.yaml:12:28: bad gap '...x': expected '...' and a number of words from 1 to 8, e.g. '...3'");
}

TEST(PatternParser, APatternIsNeverEmpty) {
  EXPECT_EQ(error_of("      - sequence: []\n"),
            "test.yaml:12:19: empty 'sequence': a pattern needs at least one element");
  EXPECT_EQ(error_of("      - {}\n"),
            "test.yaml:12:9: a pattern needs one of 'sequence' (elements in order) or 'near' (elements in any order, "
            "close together)");
}

TEST(PatternParser, ASequenceIsAnchoredOnWordsThatAreAlwaysThere) {
  EXPECT_EQ(error_of("      - sequence: [...2, <numb>]\n"),
            "test.yaml:12:20: a sequence must start with words or a word set that are always there, not with a gap or "
            "an optional element");
  EXPECT_EQ(error_of("      - sequence: [(<numb>), bottom]\n"),
            "test.yaml:12:20: a sequence must start with words or a word set that are always there, not with a gap or "
            "an optional element");
  EXPECT_EQ(error_of("      - sequence: [<numb>, ...2]\n"),
            "test.yaml:12:28: a sequence may not end with a gap: nothing after it would be matched");
  EXPECT_EQ(error_of("      - sequence: [<numb>, ...2, ...3, bottom]\n"),
            "test.yaml:12:34: two gaps in a row: write one gap with the sum of their words");
}

TEST(PatternParser, ANearSaysHowNear) {
  EXPECT_EQ(error_of("      - near: [<numb>, <saddle-area>]\n"),
            "test.yaml:12:9: a 'near' pattern needs 'within': how many other words, from 0 to 12, may stand among "
            "its elements");
  EXPECT_EQ(error_of("      - near: [<numb>, <saddle-area>]\n        within: 13\n"),
            "test.yaml:13:17: 'within' is 13: expected a number of words from 0 to 12");
  EXPECT_EQ(error_of("      - near: [<numb>]\n        within: 3\n"),
            "test.yaml:12:15: a 'near' pattern needs two elements or more; one element is a phrase");
  EXPECT_EQ(error_of("      - near: [<numb>, ...2, bottom]\n        within: 3\n"),
            "test.yaml:12:24: a gap has no place in 'near': say how close with 'within' or 'reach'");
  EXPECT_EQ(error_of("      - sequence: [<numb>, bottom]\n        within: 3\n"),
            "test.yaml:13:17: 'within' belongs to a 'near' pattern; a sequence says its gaps with '...N'");
  EXPECT_EQ(error_of("      - sequence: [<numb>, bottom]\n        reach: 3\n"),
            "test.yaml:13:16: 'reach' says how close 'only-near' or 'not-near' words must be; this pattern has "
            "neither");
}

TEST(PatternParser, ElementsAreWordsSetsOrGaps) {
  EXPECT_EQ(error_of("      - sequence: [<numb>, \"a/b\"]\n"),
            "test.yaml:12:28: bad pattern element 'a/b': expected words, a word set such as '<legs>', either in "
            "brackets when optional, or a gap such as '...3'");
  EXPECT_EQ(error_of("      - sequence: [<numb>, (bottom]\n"),
            "test.yaml:12:28: bad optional element '(bottom': expected words or a word set in brackets, e.g. '(my)' or "
            "'(<both>)'");
  EXPECT_EQ(error_of("      - sequence: [<numb>, <bottom]\n"),
            "test.yaml:12:28: bad word set reference '<bottom': expected a set's id in angle brackets, e.g. '<legs>'");
  EXPECT_EQ(error_of("      - sequence: [<numb>]\n        unless: [x]\n"),
            "test.yaml:13:9: unknown key 'unless' in a pattern");
}

TEST(PatternParser, WordSetsFollowTheReplacementPolicy) {
  const std::string twice = R"(version: 1
techniques:
  - {id: swedish, name: Swedish, summary: Gentle strokes., pressure: [low, medium]}
word-sets:
  - {id: legs, words: [leg]}
  - {id: legs, words: [thigh]}
)";
  const auto errors = load_errors(twice);
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_NE(errors.front().find("test.yaml:6:5: duplicate word set id 'legs'"), std::string::npos) << errors.front();
  const std::string head = twice.substr(0, twice.rfind("  - {id: legs"));
  const RuleSet replaced = load_text(head + "  - {id: legs, words: [calf], replaces: true}\n");
  EXPECT_EQ(replaced.find_word_set("legs")->members, std::vector<std::string>{"calf"});
}

TEST(PatternParser, AWordSetHoldsWords) {
  const std::string head = R"(version: 1
techniques:
  - {id: swedish, name: Swedish, summary: Gentle strokes., pressure: [low, medium]}
word-sets:
)";
  EXPECT_EQ(load_errors(head + "  - {id: legs, words: []}\n"),
            std::vector<std::string>{"test.yaml:5:23: a word set needs at least one word"});
  EXPECT_EQ(load_errors(head + "  - {id: legs, words: [leg, \"<calf>\"]}\n"),
            std::vector<std::string>{"test.yaml:5:29: '<calf>' is not plain words: a word set holds words and phrases "
                                     "only"});
}

TEST(PatternParser, AVocabularyEntryAddsPatternsToAConcept) {
  const RuleSet rules = load_text(k_head + "      - sequence: [<numb>, bottom]\n" + R"(vocabulary:
  - concept: saddle-numbness
    patterns:
      - near: [bottom, <numb>]
        within: 2
)");
  EXPECT_EQ(rules.concepts()[*rules.find_concept("saddle-numbness")].patterns.size(), 2U);
  EXPECT_EQ(load_errors(k_head + "      - sequence: [<numb>, bottom]\nvocabulary:\n  - concept: saddle-numbness\n"),
            std::vector<std::string>{"test.yaml:14:5: a vocabulary entry needs 'phrases', 'patterns' or both"});
}

} // namespace
} // namespace backrelief
