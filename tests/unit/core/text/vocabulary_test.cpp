#include "core/text/vocabulary.hpp"

#include "core/rules/rule_loader.hpp"
#include "core/text/known_words.hpp"
#include "core/text/text_analysis.hpp"
#include "test_support.hpp"

#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <gtest/gtest.h>
#include <memory>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace backrelief {
namespace {

using test_support::load_errors;
using test_support::load_text;

// Three lines; the concepts a test appends start at line 4.
const std::string k_techniques = R"(version: 1
techniques:
  - {id: swedish, name: Swedish, summary: Gentle strokes., pressure: [low, medium]}
)";

/// Every fact found in `text`, as `concept "words"` followed by its flags.
std::vector<std::string> facts_of(const RuleSet& rules, std::string_view text) {
  std::vector<std::string> out;
  for (const TextFact& fact : analyze_text(text, rules.vocabulary()).facts) {
    std::string line = fmt::format("{} \"{}\"", rules.concepts()[fact.concept_id].id, fact.from);
    line += fact.negated ? " negated" : "";
    line += fact.family ? " family" : "";
    line += fact.hypothetical ? " hypothetical" : "";
    line += fact.fuzzy ? " fuzzy" : "";
    out.push_back(std::move(line));
  }
  return out;
}

using Facts = std::vector<std::string>;

/// A word-list file in a fresh temporary directory, removed when the test ends.
class WordListFile {
public:
  explicit WordListFile(const std::string& contents) {
    std::random_device random;
    m_directory = std::filesystem::temp_directory_path() / fmt::format("backrelief-vocabulary-test-{:08x}", random());
    std::filesystem::create_directories(m_directory);
    std::ofstream(path()) << contents;
  }
  WordListFile(const WordListFile&) = delete;
  WordListFile& operator=(const WordListFile&) = delete;
  ~WordListFile() {
    std::error_code ignored;
    std::filesystem::remove_all(m_directory, ignored);
  }

  [[nodiscard]] std::filesystem::path path() const { return m_directory / "words"; }

private:
  std::filesystem::path m_directory;
};

TEST(Vocabulary, MatchesPhrasesThroughTheirStems) {
  const RuleSet rules = load_text(k_techniques + R"(concepts:
  - {id: trigger-point, kind: symptom, name: knots, phrases: [knot]}
)");
  const Vocabulary& vocabulary = rules.vocabulary();
  ASSERT_TRUE(vocabulary.find("knot").has_value());
  EXPECT_EQ(vocabulary.find("knots"), vocabulary.find("knot"));
  EXPECT_EQ(vocabulary.find("knotted"), vocabulary.find("knot"));
  EXPECT_EQ(vocabulary.find("lump"), std::nullopt);
  EXPECT_EQ(facts_of(rules, "Two knots, both knotted."),
            (Facts{"trigger-point \"knots\"", "trigger-point \"knotted\""}));
}

TEST(Vocabulary, ARuleWordWithACharacterThatShowsNothingMatchesAsItLooks) {
  // A soft hyphen in a phrase and a zero-width space in a word set read as nothing (issue 29).
  const RuleSet rules =
      load_text(k_techniques + "word-sets:\n  - {id: limbs, words: [le\u200Bgs]}\n"
                               "concepts:\n  - {id: numbness, kind: symptom, name: numbness, "
                               "phrases: [numb\u00ADness], patterns: [{near: [cold, <limbs>], within: 2}]}\n");
  EXPECT_EQ(facts_of(rules, "numbness and cold legs"), (Facts{"numbness \"numbness\"", "numbness \"cold legs\""}));
}

TEST(Vocabulary, FindsAWordByItsWrittenFormFirst) {
  const RuleSet rules = load_text(k_techniques + R"(concepts:
  - {id: trigger-point, kind: symptom, name: knots, phrases: [knot, nots]}
)");
  const Vocabulary& vocabulary = rules.vocabulary();
  // "nots" stems to the grammar word "not", so only its written form finds it.
  ASSERT_TRUE(vocabulary.find("nots").has_value());
  EXPECT_NE(vocabulary.find("nots"), vocabulary.find("knot"));
  EXPECT_EQ(vocabulary.find("not"), std::nullopt);
  EXPECT_EQ(facts_of(rules, "nots in my back"), Facts{"trigger-point \"nots\""});
}

TEST(Vocabulary, AListedMisspellingThatStemsToAGrammarWordNeverMatchesThatWord) {
  const RuleSet rules = load_text(k_techniques + R"(concepts:
  - {id: trigger-point, kind: symptom, name: knots, phrases: [knot, nots]}
)");
  EXPECT_EQ(facts_of(rules, "not"), Facts{});
  EXPECT_EQ(facts_of(rules, "I do not have knots"), Facts{"trigger-point \"knots\" negated"});
  EXPECT_EQ(facts_of(rules, "It is not bad"), Facts{});
}

// One phrase of many words is one YAML node and a few bytes a word, but every word and step is an
// entry in the tables: the budget counts those, so "a1 a2 a3 ..." cannot take gigabytes.
TEST(Vocabulary, StopsCompilingWhereTheEntriesRunOutAndSaysWhere) {
  const RuleSet within =
      load_text(k_techniques + "concepts:\n  - {id: c, kind: symptom, name: c, phrases: [p1 p2 p3]}\n");
  const std::size_t entries = within.vocabulary().entry_count();
  RuleLimits limits;
  limits.max_vocabulary_entries = entries;
  EXPECT_NO_THROW(load_rules({test_support::shipped_context(),
                              RuleSource{"test.yaml", k_techniques + "concepts:\n  - {id: c, kind: symptom, name: c, "
                                                                     "phrases: [p1 p2 p3]}\n"}},
                             limits));
  try {
    load_rules({test_support::shipped_context(),
                RuleSource{"test.yaml",
                           k_techniques + "concepts:\n  - {id: c, kind: symptom, name: c, phrases: [p1 p2 p3 p4]}\n"}},
               limits);
    FAIL() << "the rules loaded";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::invalid_rules);
    EXPECT_EQ(fmt::format("{}", error.what()),
              fmt::format("test.yaml:5:47: the phrases, word sets and patterns together need more than {} entries "
                          "(distinct words, phrase steps, pattern elements and patterns), far past what a rule set "
                          "needs; load fewer or smaller rule files",
                          entries));
  }
}

TEST(Vocabulary, APhraseMeaningTwoConceptsIsReportedWithBothPlaces) {
  EXPECT_EQ(load_errors(k_techniques + R"(concepts:
  - {id: trigger-point, kind: symptom, name: knots, phrases: [knot]}
  - {id: lump, kind: symptom, name: lump, phrases: [lump, knots]}
)"),
            std::vector<std::string>{
                "test.yaml:6:59: phrase 'knots' of 'lump' already means 'trigger-point' (at test.yaml:5:63)"});
}

TEST(Vocabulary, APhraseRepeatedInOneConceptIsCountedOnce) {
  const RuleSet rules = load_text(k_techniques + R"(concepts:
  - {id: trigger-point, kind: symptom, name: knots, phrases: [knot, knots, trigger point]}
)");
  EXPECT_EQ(rules.vocabulary().phrase_count(), 2U);
}

TEST(Vocabulary, APhraseWithPunctuationIsRefused) {
  EXPECT_EQ(load_errors(k_techniques + R"(concepts:
  - id: trigger-point
    kind: symptom
    name: knots
    phrases: ["knot, lump", pain 7/10, "knot!", "lump"]
)"),
            (std::vector<std::string>{
                "test.yaml:8:15: phrase 'knot, lump' of 'trigger-point' must hold only words and numbers",
                "test.yaml:8:29: phrase 'pain 7/10' of 'trigger-point' must hold only words and numbers",
                "test.yaml:8:40: phrase 'knot!' of 'trigger-point' must hold only words and numbers",
            }));
}

// Concepts whose words are targets for misspellings.
const std::string k_fuzzy_concepts = k_techniques + R"(concepts:
  - {id: tingling, kind: symptom, name: tingling, phrases: [tingling]}
  - {id: burning, kind: quality, name: burning, phrases: [burning]}
  - {id: spasm, kind: symptom, name: spasm, phrases: [spasm]}
  - {id: fever, kind: condition, name: fever, phrases: [fever]}
  - {id: tightness, kind: symptom, name: tightness, phrases: [tight]}
  - {id: stiffness, kind: symptom, name: stiffness, phrases: [stiff]}
  - {id: relief, kind: goal, name: relief, phrases: [relief]}
)";

TEST(Vocabulary, AllowsOneTypoFromFiveLettersAndTwoFromEight) {
  const RuleSet rules = load_text(k_fuzzy_concepts);
  const Vocabulary& vocabulary = rules.vocabulary();
  const auto tingling = vocabulary.find("tingling");
  const auto burning = vocabulary.find("burning");
  const auto spasm = vocabulary.find("spasm");
  ASSERT_TRUE(tingling && burning && spasm);
  // Five to seven letters: one typo.
  EXPECT_EQ(vocabulary.find_misspelled("spasn"), spasm);
  EXPECT_EQ(vocabulary.find_misspelled("spazn"), std::nullopt);
  EXPECT_EQ(vocabulary.find_misspelled("burnimg"), burning);
  EXPECT_EQ(vocabulary.find_misspelled("burnign"), burning); // swapped letters are one typo
  EXPECT_EQ(vocabulary.find_misspelled("bornimg"), std::nullopt);
  EXPECT_EQ(vocabulary.find_misspelled("tinglng"), tingling);
  // From eight letters: two typos.
  EXPECT_EQ(vocabulary.find_misspelled("tinglinf"), tingling);
  EXPECT_EQ(vocabulary.find_misspelled("tonglong"), tingling);
  EXPECT_EQ(vocabulary.find_misspelled("tonglonj"), std::nullopt);
  // Under five letters: none.
  EXPECT_EQ(vocabulary.find_misspelled("spam"), std::nullopt);
  EXPECT_EQ(vocabulary.find_misspelled("spas"), std::nullopt);
}

TEST(Vocabulary, NeverReadsGrammarOrCommonWordsAsMisspellings) {
  const RuleSet rules = load_text(k_fuzzy_concepts);
  const Vocabulary& vocabulary = rules.vocabulary();
  ASSERT_TRUE(vocabulary.find("fever").has_value());
  EXPECT_EQ(vocabulary.find_misspelled("fevar"), vocabulary.find("fever"));
  EXPECT_EQ(vocabulary.find_misspelled("never"), std::nullopt); // a negation
  ASSERT_TRUE(vocabulary.find("tight").has_value());
  EXPECT_EQ(vocabulary.find_misspelled("tighf"), vocabulary.find("tight"));
  EXPECT_EQ(vocabulary.find_misspelled("light"), std::nullopt);
  EXPECT_EQ(vocabulary.find_misspelled("stiif"), vocabulary.find("stiff"));
  EXPECT_EQ(vocabulary.find_misspelled("stuff"), std::nullopt);
  EXPECT_EQ(facts_of(rules, "a fevar, some stuff and never light"), Facts{"fever \"fevar\" fuzzy"});
}

TEST(Vocabulary, AWordInTheWordListsIsNeverAMisspelling) {
  RuleSet rules = load_text(k_fuzzy_concepts);
  const auto relief = rules.vocabulary().find("relief");
  ASSERT_TRUE(relief.has_value());
  EXPECT_EQ(rules.vocabulary().find_misspelled("belief"), relief);

  const WordListFile words("Abby\nbelief\nrelief\n");
  rules.use_known_words(std::make_shared<KnownWords>(std::vector{words.path()}));
  EXPECT_EQ(rules.vocabulary().find_misspelled("belief"), std::nullopt);
  EXPECT_EQ(rules.vocabulary().find_misspelled("releif"), relief);
  EXPECT_EQ(facts_of(rules, "my belief is that I need releif"), Facts{"relief \"releif\" fuzzy"});
}

TEST(Vocabulary, AGuessedMisspellingMayNotCompleteAConceptThatIsNotFuzzy) {
  const RuleSet rules = load_text(k_techniques + R"(concepts:
  - {id: tightness, kind: symptom, name: tightness, fuzzy: false, phrases: [tight]}
  - {id: trigger-point, kind: symptom, name: knots, fuzzy: false, phrases: [trigger point]}
  - {id: tingling, kind: symptom, name: tingling, phrases: [tingling, tingling feet]}
)");
  EXPECT_FALSE(rules.vocabulary().is_fuzzy(*rules.find_concept("tightness")));
  EXPECT_TRUE(rules.vocabulary().is_fuzzy(*rules.find_concept("tingling")));
  EXPECT_EQ(facts_of(rules, "my back is tight"), Facts{"tightness \"tight\""});
  EXPECT_EQ(facts_of(rules, "my back is tighf"), Facts{});
  EXPECT_EQ(facts_of(rules, "a trigger point"), Facts{"trigger-point \"trigger point\""});
  EXPECT_EQ(facts_of(rules, "a triggr point"), Facts{});
  EXPECT_EQ(facts_of(rules, "tinglinf feet"), Facts{"tingling \"tinglinf feet\" fuzzy"});
}

// "groin-numbness" is a plain symptom here, so only `fuzzy: false` decides.
const std::string k_groin_concepts = k_techniques + R"(concepts:
  - {id: numbness, kind: symptom, name: numbness, phrases: [numbness]}
  - {id: groin-numbness, kind: symptom, name: groin numbness, fuzzy: false, phrases: [numbness in my groin]}
)";

TEST(Vocabulary, AGuessedLastWordRefusedByALongerPhraseLeavesTheShorterOne) {
  const RuleSet rules = load_text(k_groin_concepts);
  EXPECT_EQ(facts_of(rules, "numbness in my groin"), Facts{"groin-numbness \"numbness in my groin\""});
  EXPECT_EQ(facts_of(rules, "numbness in my groim"), Facts{"numbness \"numbness\""});
}

TEST(Vocabulary, AGuessedFirstWordRefusedByALongerPhraseStillMatchesAShorterOne) {
  const RuleSet rules = load_text(k_groin_concepts);
  EXPECT_EQ(facts_of(rules, "numbnss in my groin"), Facts{"numbness \"numbnss\" fuzzy"});
}

TEST(Vocabulary, AListedMisspellingMayExtendIntoALongerPhrase) {
  const RuleSet rules = load_text(k_techniques + R"(concepts:
  - {id: numbness, kind: symptom, name: numbness, phrases: [numbness, numbnes]}
  - {id: saddle-numbness, kind: red-flag, name: saddle numbness, fuzzy: false, phrases: [numbness in my groin]}
)");
  EXPECT_EQ(facts_of(rules, "numbnes in my groin"), Facts{"saddle-numbness \"numbnes in my groin\""});
  EXPECT_EQ(facts_of(rules, "numbnes in my back"), Facts{"numbness \"numbnes\""});
  EXPECT_EQ(facts_of(rules, "numbness in my groin"), Facts{"saddle-numbness \"numbness in my groin\""});
}

TEST(Vocabulary, RedFlagsFollowTheConceptKindAndReferralRules) {
  RuleSet rules = load_text(k_techniques + R"(concepts:
  - {id: saddle-numbness, kind: red-flag, name: saddle numbness, phrases: [saddle numbness]}
  - {id: fever, kind: condition, name: fever, phrases: [fever]}
  - {id: cancer, kind: condition, name: cancer, phrases: [cancer]}
  - {id: stiffness, kind: symptom, name: stiffness, phrases: [stiff]}
rules:
  - {id: fever-refer, when: {condition: fever, not: {condition: cancer}}, refer: urgent, because: a}
  - {id: stiff-swedish, when: {symptom: stiffness}, score: {swedish: 1}, because: a}
)");
  const Vocabulary& vocabulary = rules.vocabulary();
  EXPECT_TRUE(vocabulary.is_red_flag(*rules.find_concept("saddle-numbness")));
  EXPECT_TRUE(vocabulary.is_red_flag(*rules.find_concept("fever")));
  EXPECT_FALSE(vocabulary.is_red_flag(*rules.find_concept("cancer"))); // only under `not`
  EXPECT_FALSE(vocabulary.is_red_flag(*rules.find_concept("stiffness")));
  EXPECT_FALSE(vocabulary.is_red_flag(1000));
  rules.vocabulary().mark_red_flag(*rules.find_concept("stiffness"));
  rules.vocabulary().mark_red_flag(1000); // out of range: ignored
  EXPECT_TRUE(rules.vocabulary().is_red_flag(*rules.find_concept("stiffness")));
  EXPECT_FALSE(rules.vocabulary().is_red_flag(1000));
}

} // namespace
} // namespace backrelief
