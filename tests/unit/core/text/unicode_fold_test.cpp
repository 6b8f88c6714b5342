#include "core/text/unicode_fold.hpp"

#include <gtest/gtest.h>
#include <string>

namespace backrelief {
namespace {

TEST(UnicodeFold, PlainAsciiNeedsNone) {
  EXPECT_FALSE(needs_folding("a sore back, 3 weeks"));
  EXPECT_TRUE(needs_folding("café"));
}

TEST(UnicodeFold, FoldsWhatHidesAWord) {
  EXPECT_EQ(fold_text("fe\u00ADver").text, "fever") << "a soft hyphen";
  EXPECT_EQ(fold_text("fe\u200Bver\uFEFF").text, "fever") << "a zero-width space, a byte order mark";
  EXPECT_EQ(fold_text("ｆｅｖｅｒ").text, "fever") << "full-width letters";
  EXPECT_EQ(fold_text("Fièvre ÉTÉ").text, "Fievre eTe")
      << "accents stripped; case folded outside ASCII, ASCII left to the tokenizer";
  EXPECT_EQ(fold_text("e\u0301").text, "e") << "a combining accent";
  EXPECT_EQ(fold_text("can’t…").text, "can't...") << "punctuation lumped";
}

TEST(UnicodeFold, EachByteKnowsTheCharacterItCameFrom) {
  const FoldedText folded = fold_text("aｂ\u00ADc");
  ASSERT_EQ(folded.text, "abc");
  EXPECT_EQ(folded.from, (std::vector<std::size_t>{0, 1, 6}));
  EXPECT_EQ(folded.to, (std::vector<std::size_t>{1, 4, 7}));
}

TEST(UnicodeFold, KeepsBytesThatAreNotUtf8) {
  const FoldedText folded = fold_text("a\xFF"
                                      "b");
  EXPECT_EQ(folded.text, "a\xFF"
                         "b");
  EXPECT_EQ(folded.from, (std::vector<std::size_t>{0, 1, 2}));
}

} // namespace
} // namespace backrelief
