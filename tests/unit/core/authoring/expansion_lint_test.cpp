// Warnings about words WordNet brought into a word set that may mean something else.
#include "core/authoring/expansion_lint.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>
#include <string>

namespace backrelief {
namespace {

const std::string& k_header = test_support::k_word_sets_header;

std::string warnings_for(const std::string& sets) {
  const RuleSet rules = test_support::load_text(k_header + sets);
  std::string out;
  for (const Diagnostic& warning : lint_expansions(rules, WordNetSource("/usr/share/wordnet"))) {
    out += to_string(warning) + "\n";
  }
  return out;
}

TEST(ExpansionLint, ACommonWordOrAnotherMeaningFirstIsNamedAtTheSense) {
  const std::string out = warnings_for("  - {id: place, words: [{wordnet: buttocks.n.01}]}\n");
  EXPECT_NE(out.find("test.yaml:5:35: 'seat' from WordNet buttocks.n.01 has 16 meanings in WordNet"), std::string::npos)
      << out;
  EXPECT_NE(out.find("'bum' from WordNet buttocks.n.01 has 7 meanings"), std::string::npos) << out;
  EXPECT_EQ(out.find("'rump'"), std::string::npos) << "three meanings: not common\n" << out;
  EXPECT_EQ(out.find("'derriere'"), std::string::npos) << out;
}

TEST(ExpansionLint, AWordWhoseFirstMeaningIsAnotherIsNamedWithItsRank) {
  const std::string out = warnings_for("  - {id: frail, words: [weak, {wordnet: weak.a.07}]}\n");
  EXPECT_NE(out.find("'feeble' from WordNet weak.a.07 is its 3rd meaning in WordNet, of 4: it most often means "
                     "something else"),
            std::string::npos)
      << out;
}

TEST(ExpansionLint, AWordExceptedOrWrittenByHandIsTheAuthorsChoice) {
  const std::string out = warnings_for(
      "  - {id: place, words: [seat, butt, bottom, behind, bum, {wordnet: buttocks.n.01, except: [can, rear, stern, "
      "tail]}]}\n");
  EXPECT_EQ(out, "");
}

TEST(ExpansionLint, AWordAnotherSetHoldsIsNamedWithThatSet) {
  const std::string out =
      warnings_for("  - {id: bump, words: [rump]}\n"
                   "  - {id: place, words: [seat, butt, bottom, behind, bum, {wordnet: buttocks.n.01, "
                   "except: [can, rear, stern, tail]}]}\n");
  EXPECT_NE(out.find("'rump' from WordNet buttocks.n.01 is also a member of word set 'bump' (test.yaml:5:5)"),
            std::string::npos)
      << out;
}

TEST(ExpansionLint, AWordThatReadsAsAConceptsPhraseOnceStemmedIsNamedWithThePhrase) {
  const RuleSet rules = test_support::load_text(k_header + "  - {id: hot, words: [{wordnet: feverish.s.03}]}\n"
                                                           "concepts:\n"
                                                           "  - {id: fever, kind: condition, name: a fever, "
                                                           "phrases: [fever]}\n");
  std::string out;
  for (const Diagnostic& warning : lint_expansions(rules, WordNetSource("/usr/share/wordnet"))) {
    out += to_string(warning) + "\n";
  }
  EXPECT_NE(out.find("'feverous' from WordNet feverish.a.03 reads as 'fever' once stemmed, a phrase of concept "
                     "'fever'"),
            std::string::npos)
      << out;
}

TEST(ExpansionLint, RulesWithoutSensesNeverOpenWordNet) {
  const RuleSet rules = test_support::load_text(k_header + "  - {id: place, words: [bum]}\n");
  EXPECT_TRUE(lint_expansions(rules, WordNetSource("/nonexistent")).empty());
}

} // namespace
} // namespace backrelief
