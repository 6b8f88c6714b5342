#include "core/rules/modifier_parser.hpp"

#include "core/text/text_analysis.hpp"

#include "test_support.hpp"

#include <gtest/gtest.h>
#include <string>
#include <vector>

namespace backrelief {
namespace {

using test_support::load_errors;

// A rule file of its own, without the shipped context: only its modifiers are read.
const std::string k_head = R"(version: 1
techniques:
  - {id: swedish, name: Swedish, summary: Gentle strokes., pressure: [low, medium]}
modifiers:
)";

RuleSet load_alone(const std::string& text) {
  return load_rules({RuleSource{"test.yaml", text}});
}

std::vector<std::string> errors_alone(const std::string& text) {
  return load_errors(std::vector<RuleSource>{RuleSource{"test.yaml", text}});
}

// The one diagnostic of modifiers written after k_head (line 5 on).
std::string error_of(const std::string& modifiers) {
  const auto errors = errors_alone(k_head + modifiers);
  EXPECT_EQ(errors.size(), 1U) << modifiers;
  return errors.empty() ? std::string{} : errors.front();
}

TEST(ModifierParser, ReadsEveryField) {
  const RuleSet rules = load_alone(k_head + R"(  - category: negated
    direction: forward
    scope: 8
    red-flag-scope: 5
    cues: ["can't", no sign of]
  - category: someone-else
    cues: [my dad]
    not-before: [doctor]
  - category: resolved
    direction: backward
    not-before-a-concept: true
    cues: [went away]
  - direction: terminate
    ends: [negated]
    applies-to: [red-flag]
    cues: [and]
word-classes:
  - {class: first-person, words: [i, me]}
)");
  const ContextCues& context = rules.vocabulary().context();
  ASSERT_EQ(context.modifiers().size(), 4U);
  const Modifier& negation = context.modifiers()[0];
  EXPECT_EQ(negation.category, ModifierCategory::negated);
  EXPECT_EQ(negation.scope, 8);
  EXPECT_EQ(negation.red_flag_scope, 5);
  // Written as the tokenizer leaves words: "can't" is "cant".
  EXPECT_EQ(negation.cues, (std::vector<std::string>{"cant", "no sign of"}));
  EXPECT_EQ(negation.cue_where.at(1).line, 9);
  const Modifier& relative = context.modifiers()[1];
  EXPECT_EQ(relative.scope, k_clause); // the default
  EXPECT_EQ(relative.red_flag_scope, 0);
  EXPECT_EQ(relative.not_before, (std::vector<std::string>{"doctor"}));
  EXPECT_TRUE(context.modifiers()[2].not_before_a_concept);
  const Modifier& joiner = context.modifiers()[3];
  EXPECT_EQ(joiner.direction, ModifierDirection::terminate);
  EXPECT_EQ(joiner.ends, (std::vector<ModifierCategory>{ModifierCategory::negated}));
  EXPECT_EQ(joiner.applies_to, (std::vector<ConceptKind>{ConceptKind::red_flag}));
  EXPECT_TRUE(context.in_class("me", WordClass::first_person));
  EXPECT_FALSE(context.in_class("my", WordClass::first_person));
}

TEST(ModifierParser, NamesAnUnknownCategoryWithASuggestion) {
  EXPECT_EQ(error_of("  - {category: negatd, cues: [no]}\n"),
            "test.yaml:5:16: unknown category 'negatd' (did you mean 'negated'?); expected one of negated, resolved, "
            "someone-else, hypothetical, historical");
}

TEST(ModifierParser, ScopedModifiersNeedACategory) {
  EXPECT_EQ(error_of("  - {direction: backward, cues: [went away]}\n"),
            "test.yaml:5:5: a backward modifier needs a 'category': one of negated, resolved, someone-else, "
            "hypothetical, historical");
}

TEST(ModifierParser, APastMentionDoesNotClearARedFlagByItself) {
  EXPECT_EQ(error_of("  - {category: historical, red-flag-scope: 3, cues: [years ago]}\n"),
            "test.yaml:5:44: a historical modifier cannot clear a red flag by itself: how old a sign may be is the "
            "concept's 'counts' (backrelief-rules(5)); leave 'red-flag-scope' out");
  EXPECT_NO_THROW(load_alone(k_head + "  - {category: hypothetical, red-flag-scope: 3, cues: [what if]}\n"));
}

TEST(ModifierParser, RedFlagScopeStaysWithinTheScope) {
  EXPECT_EQ(error_of("  - {category: negated, scope: 4, red-flag-scope: 6, cues: [no]}\n"),
            "test.yaml:5:51: 'red-flag-scope' reaches farther than 'scope' (4 tokens)");
  EXPECT_EQ(error_of("  - {category: negated, scope: 30, cues: [no]}\n"),
            "test.yaml:5:32: 'scope' is 30: expected a number of tokens from 1 to 20, or 'clause'");
}

TEST(ModifierParser, RefusesCuesThatAreNotPlainWords) {
  EXPECT_EQ(error_of("  - {category: negated, cues: [\"no, not\"]}\n"),
            "test.yaml:5:32: 'no, not' is not plain words: a cue holds words only, e.g. 'no sign of'");
  EXPECT_EQ(error_of("  - {category: negated, cues: [no, No]}\n"),
            "test.yaml:5:36: 'No' is in this list twice (first at 5:32): give each value once");
  EXPECT_EQ(error_of("  - {category: negated, cues: []}\n"),
            "test.yaml:5:31: an empty list: expected at least one a cue");
}

TEST(ModifierParser, TerminateAndPseudoOpenNoScope) {
  EXPECT_EQ(error_of("  - {direction: pseudo, scope: 3, cues: [not only]}\n"),
            "test.yaml:5:32: 'scope' has no meaning for a pseudo cue, which opens no scope");
  EXPECT_EQ(error_of("  - {category: negated, ends: [negated], cues: [no]}\n"),
            "test.yaml:5:31: 'ends' says which scopes a terminate cue ends; this modifier's direction is not "
            "terminate");
}

TEST(ModifierParser, WordClassesHoldSingleWords) {
  const auto errors = errors_alone(k_head + "  - {category: negated, cues: [no]}\n" + R"(word-classes:
  - {class: first-persn, words: [i]}
  - {class: possessive, words: [my own]}
)");
  ASSERT_EQ(errors.size(), 2U);
  EXPECT_EQ(errors[0], "test.yaml:7:13: unknown word class 'first-persn' (did you mean 'first-person'?); expected "
                       "one of first-person, possessive, list-joiners, list-fillers, question-openers, common-words, "
                       "definite, current");
  EXPECT_EQ(errors[1], "test.yaml:8:33: 'my own' is more than one word: a word class holds single words; a phrase "
                       "belongs in a modifier's cues");
}

TEST(ModifierParser, PhrasesWithoutModifiersAreRefused) {
  const auto errors = errors_alone(R"(version: 1
techniques:
  - {id: swedish, name: Swedish, summary: Gentle strokes., pressure: [low, medium]}
concepts:
  - {id: numbness, kind: symptom, name: numbness, phrases: [numbness]}
)");
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_EQ(errors[0], "test.yaml:5:61: concept 'numbness' has phrases, but no rule file defines 'modifiers': "
                       "without them \"no numbness\" would read as 'numbness'. Add a 'modifiers' section (the "
                       "shipped rules/05-context.yaml has one)");
}

TEST(ModifierParser, OnlyInQuestionsIsTrueOrFalse) {
  EXPECT_NO_THROW(load_alone(k_head + "  - {category: hypothetical, only-in-questions: true, cues: [cause]}\n"));
  EXPECT_NE(
      error_of("  - {category: hypothetical, only-in-questions: sometimes, cues: [cause]}\n").find("test.yaml:5:49:"),
      std::string::npos);
}

TEST(ModifierParser, NumberWordsGiveCountsUnitsAndRoles) {
  const RuleSet rules = load_alone(k_head + "  - {category: negated, cues: [no]}\n" + R"(number-words:
  - role: count
    words: {three: 3, half: 0.5}
  - {role: some, words: [half]}
  - role: unit
    words: {days: 1d, semesters: 26w}
  - {role: event, words: [surgery]}
)");
  const ContextCues& context = rules.vocabulary().context();
  EXPECT_EQ(context.count_value("three"), 3.0);
  EXPECT_EQ(context.count_value("half"), 0.5);
  EXPECT_EQ(context.count_value("four"), std::nullopt);
  EXPECT_TRUE(context.has_role("half", NumberRole::some));
  EXPECT_FALSE(context.has_role("three", NumberRole::some));
  EXPECT_EQ(context.unit_weeks("semesters"), 26.0);
  EXPECT_TRUE(context.has_role("surgery", NumberRole::event));
  EXPECT_FALSE(context.has_role("surgery", NumberRole::measure));
  // A unit of the rule file's own reads a span in a description.
  const auto duration = analyze_text("back pain for two semesters", rules.vocabulary()).duration_weeks;
  EXPECT_EQ(duration, std::nullopt); // "two" is no count in this file
  const auto counted = analyze_text("back pain for three semesters", rules.vocabulary()).duration_weeks;
  ASSERT_TRUE(counted.has_value());
  EXPECT_EQ(counted->value, 78.0);
}

TEST(ModifierParser, NumberWordsAreCheckedWithTheirPlaces) {
  const auto errors = errors_alone(k_head + "  - {category: negated, cues: [no]}\n" + R"(number-words:
  - {role: cout, words: [three]}
  - {role: count, words: [three]}
  - {role: count, words: {three: -3, many words: 2}}
  - {role: unit, words: {days: 1x}}
  - {role: event, words: {surgery: 1}}
)");
  ASSERT_EQ(errors.size(), 6U);
  EXPECT_EQ(errors[0], "test.yaml:7:12: unknown number role 'cout' (did you mean 'count'?); expected one of count, "
                       "some, unit, event, measure, not-an-age, season, decade, age-now");
  EXPECT_EQ(errors[1], "test.yaml:8:26: the words of a count are a mapping of each word to its number, e.g. {one: 1, "
                       "dozen: 12}");
  EXPECT_EQ(errors[2], "test.yaml:9:34: 'three' stands for -3: a count word stands for a number above 0 and at most "
                       "1000");
  EXPECT_EQ(errors[3], "test.yaml:9:38: 'many words' is more than one word: number words are single words");
  EXPECT_EQ(errors[4], "test.yaml:10:32: '1x' is no span of time: write it as a number and d, w, m or y, e.g. '1d', "
                       "'2w', '1m', '10y'");
  EXPECT_FALSE(errors[5].empty());
}

} // namespace
} // namespace backrelief
