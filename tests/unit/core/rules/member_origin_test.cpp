// Which members of a pattern's match came from WordNet rather than the rule file.
#include "core/rules/member_origin.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>
#include <string>

namespace backrelief {
namespace {

const std::string k_rules = "version: 1\n"
                            "techniques:\n"
                            "  - {id: swedish, name: Swedish, summary: Gentle strokes., pressure: [low, medium]}\n"
                            "word-sets:\n"
                            "  - {id: place, words: [bum, {wordnet: buttocks.n.01, except: [can, seat]}]}\n"
                            "  - {id: numb, words: [numb, no feeling]}\n"
                            "concepts:\n"
                            "  - id: saddle-numbness\n"
                            "    name: Saddle numbness\n"
                            "    kind: red-flag\n"
                            "    phrases: [saddle numbness]\n"
                            "vocabulary:\n"
                            "  - concept: saddle-numbness\n"
                            "    patterns:\n"
                            "      - {near: [<numb>, <place>], within: 4}\n";

TEST(MemberOrigin, NamesTheMembersTheRuleFileDidNotWrite) {
  const RuleSet rules = test_support::load_text(k_rules);
  const auto found = MemberOrigins(rules).in(0, "rear end gone numb");
  ASSERT_EQ(found.size(), 1U);
  EXPECT_EQ(found[0].member, "rear end");
  EXPECT_EQ(found[0].set, "place");
  EXPECT_EQ(found[0].source, "WordNet buttocks.n.01");
}

TEST(MemberOrigin, AWordWrittenByHandIsTheAuthorsEvenWhenWordNetHasItToo) {
  const RuleSet rules = test_support::load_text(k_rules);
  EXPECT_TRUE(MemberOrigins(rules).in(0, "bum gone numb").empty());
  const WordSet* place = rules.find_word_set("place");
  ASSERT_NE(place, nullptr);
  EXPECT_EQ(std::count(place->members.begin(), place->members.end(), "bum"), 1) << "listed once";
}

TEST(MemberOrigin, NothingForAPatternThatIsNotThere) {
  const RuleSet rules = test_support::load_text(k_rules);
  EXPECT_TRUE(MemberOrigins(rules).in(99, "rump gone numb").empty());
}

} // namespace
} // namespace backrelief
