// Word-set members that name a WordNet sense, read against Debian's wordnet-base.
#include "core/rules/rule_loader.hpp"
#include "core/util/diagnostic.hpp"
#include "test_support.hpp"

#include <algorithm>
#include <gtest/gtest.h>
#include <string>

namespace backrelief {
namespace {

const std::string& k_header = test_support::k_word_sets_header;

std::string problems_of(const std::string& text) {
  try {
    test_support::load_text(text);
  } catch (const Error& error) {
    std::string out;
    for (const Diagnostic& problem : error.diagnostics()) {
      out += to_string(problem) + "\n";
    }
    return out;
  }
  return "none";
}

TEST(WordNetWordSet, ASenseBringsItsWordsLessThoseExcepted) {
  const RuleSet rules =
      test_support::load_text(k_header + "  - id: bottom\n"
                                         "    words: [bum, {wordnet: buttocks.n.01, except: [can, seat, stern]}]\n");
  const WordSet* set = rules.find_word_set("bottom");
  ASSERT_NE(set, nullptr);
  const auto has = [&](const char* word) {
    return std::find(set->members.begin(), set->members.end(), word) != set->members.end();
  };
  EXPECT_TRUE(has("rump"));
  EXPECT_TRUE(has("rear end"));
  EXPECT_FALSE(has("can")) << "excepted";
  EXPECT_EQ(set->members.front(), "bum") << "the written members first, as written";
  ASSERT_EQ(set->member_source.size(), set->members.size());
  EXPECT_EQ(set->member_source.front(), "");
  EXPECT_EQ(set->member_source.back(), "WordNet buttocks.n.01");
}

TEST(WordNetWordSet, HyponymsComeToTheDepthAsked) {
  const RuleSet rules = test_support::load_text(k_header + "  - id: motor\n"
                                                           "    words: [{wordnet: motor_vehicle.n.01, hyponyms: 1}]\n");
  const WordSet* set = rules.find_word_set("motor");
  ASSERT_NE(set, nullptr);
  EXPECT_NE(std::find(set->members.begin(), set->members.end(), "truck"), set->members.end());
}

TEST(WordNetWordSet, IrregularFormsComeWithTheSenseAndCanBeExcepted) {
  const RuleSet rules =
      test_support::load_text(k_header + "  - {id: fall, words: [{wordnet: fall.v.01}]}\n"
                                         "  - {id: inject, words: [{wordnet: inject.v.01, except: [shot]}]}\n");
  const WordSet* fall = rules.find_word_set("fall");
  ASSERT_NE(fall, nullptr);
  EXPECT_NE(std::find(fall->members.begin(), fall->members.end(), "fell"), fall->members.end());
  const WordSet* inject = rules.find_word_set("inject");
  ASSERT_NE(inject, nullptr);
  EXPECT_EQ(std::find(inject->members.begin(), inject->members.end(), "shot"), inject->members.end());
  EXPECT_NE(std::find(inject->members.begin(), inject->members.end(), "shoot"), inject->members.end());
}

TEST(WordNetWordSet, EveryMistakeIsReportedAtItsPlace) {
  EXPECT_EQ(problems_of(k_header + "  - {id: a, words: [{wordnet: buttocks.n.02}]}\n"),
            "test.yaml:5:31: WordNet has no sense buttocks.n.02: the noun 'buttocks' has 1 (did you mean "
            "'buttocks.n.01'?)\n");
  EXPECT_NE(problems_of(k_header + "  - {id: a, words: [{wordnet: buttocks.n.01, except: [cann]}]}\n")
                .find("'cann' is not among the words of buttocks.n.01 (did you mean 'can'?)"),
            std::string::npos);
  EXPECT_NE(problems_of(k_header + "  - {id: a, words: [{wordnet: buttocks.n.01, hyponyms: 9}]}\n")
                .find("hyponyms reach at most 3 levels down, found 9"),
            std::string::npos);
  EXPECT_NE(problems_of(k_header + "  - {id: a, words: [{wordnet: buttocks}]}\n").find("is not a WordNet sense"),
            std::string::npos);
}

TEST(WordNetWordSet, AMissingDatabaseIsAConfigurationErrorNamingThePackage) {
  RuleLimits limits;
  limits.wordnet_directory = "/nonexistent/wordnet";
  try {
    load_rules({RuleSource{"w.yaml", k_header + "  - {id: a, words: [{wordnet: buttocks.n.01}]}\n"}}, limits);
    FAIL() << "loaded without WordNet";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::invalid_config);
    EXPECT_NE(error.diagnostics().front().message.find("wordnet-base"), std::string::npos);
  }
}

} // namespace
} // namespace backrelief
