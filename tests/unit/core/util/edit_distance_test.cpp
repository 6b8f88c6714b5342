#include "core/util/edit_distance.hpp"

#include <gtest/gtest.h>
#include <string>
#include <vector>

namespace backrelief {
namespace {

TEST(EditDistance, EmptyStrings) {
  EXPECT_EQ(edit_distance("", ""), 0U);
  EXPECT_EQ(edit_distance("", "abc"), 3U);
  EXPECT_EQ(edit_distance("abc", ""), 3U);
}

TEST(EditDistance, EqualStringsAreZeroApart) {
  EXPECT_EQ(edit_distance("deep-tissue", "deep-tissue"), 0U);
}

TEST(EditDistance, CountsInsertionsDeletionsAndSubstitutions) {
  EXPECT_EQ(edit_distance("firm", "firms"), 1U);
  EXPECT_EQ(edit_distance("firms", "firm"), 1U);
  EXPECT_EQ(edit_distance("firm", "farm"), 1U);
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3U);
}

TEST(EditDistance, SwapOfNeighboursCountsOne) {
  EXPECT_EQ(edit_distance("lwo", "low"), 1U);
  EXPECT_EQ(edit_distance("ab", "ba"), 1U);
  EXPECT_EQ(edit_distance("wieght", "weight"), 1U);
  EXPECT_EQ(edit_distance("becuase", "because"), 1U);
  // Two separate swaps are two edits.
  EXPECT_EQ(edit_distance("abcd", "badc"), 2U);
}

TEST(EditDistance, SwappedLettersAreNotEditedAgain) {
  // Optimal string alignment: a swapped pair is not edited further, so "ca" -> "abc" takes 3, not 2.
  EXPECT_EQ(edit_distance("ca", "abc"), 3U);
}

TEST(EditDistance, IsSymmetric) {
  EXPECT_EQ(edit_distance("medium", "moderate"), edit_distance("moderate", "medium"));
  EXPECT_EQ(edit_distance("medium", "moderate"), 6U);
}

TEST(EditDistance, IsCaseSensitive) {
  EXPECT_EQ(edit_distance("Low", "low"), 1U);
}

TEST(ClosestMatch, FindsATypoOfAShortWord) {
  const std::vector<std::string> candidates{"low", "medium", "firm"};
  EXPECT_EQ(closest_match("lwo", candidates), "low");
  EXPECT_EQ(closest_match("frim", candidates), "firm");
}

TEST(ClosestMatch, ShortWordsAllowOnlyOneEdit) {
  // Up to five letters the limit is one edit.
  const std::vector<std::string> candidates{"firm"};
  EXPECT_EQ(closest_match("fir", candidates), "firm");
  EXPECT_EQ(closest_match("fi", candidates), std::nullopt);
  EXPECT_EQ(closest_match("farn", candidates), std::nullopt);
}

TEST(ClosestMatch, AllowsOneEditPerThreeLetters) {
  const std::vector<std::string> six{"weight"};
  EXPECT_EQ(closest_match("wxxght", six), "weight"); // 6 letters, 2 edits
  EXPECT_EQ(closest_match("wxxxht", six), std::nullopt);
  const std::vector<std::string> nine{"abcdefghi"};
  EXPECT_EQ(closest_match("xyzdefghi", nine), "abcdefghi"); // 9 letters, 3 edits
  EXPECT_EQ(closest_match("xyzwefghi", nine), std::nullopt);
}

TEST(ClosestMatch, PrefersTheNearestCandidate) {
  const std::vector<std::string> candidates{"swede", "swedish"};
  EXPECT_EQ(closest_match("swedsh", candidates), "swedish");
}

TEST(ClosestMatch, TiesGoToTheFirstCandidate) {
  EXPECT_EQ(closest_match("bat", std::vector<std::string>{"cat", "hat"}), "cat");
  EXPECT_EQ(closest_match("bat", std::vector<std::string>{"hat", "cat"}), "hat");
}

TEST(ClosestMatch, NoCandidatesNoMatch) {
  EXPECT_EQ(closest_match("low", std::vector<std::string>{}), std::nullopt);
}

TEST(ClosestMatch, UnrelatedWordHasNoMatch) {
  EXPECT_EQ(closest_match("xyz", std::vector<std::string>{"low", "medium", "firm"}), std::nullopt);
}

TEST(ClosestMatch, ACutShortWordMeansTheShortestNameItBegins) {
  const std::vector<std::string> candidates{"pressure-low", "pressure", "pregnancy"};
  EXPECT_EQ(closest_match("pres", candidates), "pressure");
  EXPECT_EQ(closest_match("blood", std::vector<std::string>{"blood-thinners-favour-swedish", "blood-thinners"}),
            "blood-thinners");
}

TEST(ClosestMatch, ACloseTypoWinsOverAPrefix) {
  // "firm" is one edit from "fir"; the prefix rule is only a fallback.
  EXPECT_EQ(closest_match("fir", std::vector<std::string>{"first-aid", "firm"}), "firm");
}

TEST(ClosestMatch, WordsUnderThreeLettersAreNotPrefixes) {
  EXPECT_EQ(closest_match("pr", std::vector<std::string>{"pressure"}), std::nullopt);
  EXPECT_EQ(closest_match("pre", std::vector<std::string>{"pressure"}), "pressure");
}

TEST(DidYouMean, SuggestsTheClosestCandidate) {
  EXPECT_EQ(did_you_mean("wieght", std::vector<std::string>{"height", "weight"}), " (did you mean 'weight'?)");
}

TEST(DidYouMean, IsEmptyWithoutACloseCandidate) {
  EXPECT_EQ(did_you_mean("colour", std::vector<std::string>{"low", "medium", "firm"}), "");
}

TEST(DidYouMean, ABudgetBoundsTheSearchesOfOneLoad) {
  const std::vector<std::string> names{"pressure", "goal"};
  {
    const SuggestionBudget budget(1);
    EXPECT_EQ(did_you_mean("presure", names), " (did you mean 'pressure'?)");
    EXPECT_EQ(did_you_mean("presure", names), "") << "spent";
  }
  EXPECT_EQ(did_you_mean("presure", names), " (did you mean 'pressure'?)") << "no budget after it";
}

} // namespace
} // namespace backrelief
