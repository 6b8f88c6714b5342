#include "core/text/tokenizer.hpp"

#include <gtest/gtest.h>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace backrelief {
namespace {

/// Each token as one short string: words as written, numbers as "#7", and the structure as
/// ",", ".", "?" and "/".
std::vector<std::string> shown(std::string_view text) {
  std::vector<std::string> out;
  for (const Token& token : tokenize(text)) {
    switch (token.kind) {
    case TokenKind::word:
      out.push_back(token.text);
      break;
    case TokenKind::number:
      out.push_back("#" + token.text);
      break;
    case TokenKind::comma:
      out.emplace_back(",");
      break;
    case TokenKind::sentence_end:
      out.emplace_back(".");
      break;
    case TokenKind::question_end:
      out.emplace_back("?");
      break;
    case TokenKind::slash:
      out.emplace_back("/");
      break;
    }
  }
  return out;
}

/// The byte range [begin, end) of each token.
std::vector<std::pair<std::size_t, std::size_t>> spans(std::string_view text) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  for (const Token& token : tokenize(text)) {
    out.emplace_back(token.begin, token.end);
  }
  return out;
}

using Spans = std::vector<std::pair<std::size_t, std::size_t>>;
using Words = std::vector<std::string>;

TEST(Tokenize, EmptyAndBlankTextGiveNoTokens) {
  EXPECT_TRUE(tokenize("").empty());
  EXPECT_TRUE(tokenize("  \t\n ").empty());
}

TEST(Tokenize, LowerCasesAsciiLetters) {
  EXPECT_EQ(shown("My BACK Hurts"), (Words{"my", "back", "hurts"}));
}

TEST(Tokenize, DropsEveryApostropheInsideAWord) {
  for (const char* written : {"can't", "can’t", "can‘t", "can`t", "cant", "CAN'T"}) {
    EXPECT_EQ(shown(written), Words{"cant"}) << written;
  }
  EXPECT_EQ(shown("I don’t know"), (Words{"i", "dont", "know"}));
}

TEST(Tokenize, CharactersThatShowNothingAreNothing) {
  for (const char* hidden : {"\u00AD", "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF"}) {
    EXPECT_EQ(shown(std::string("numb") + hidden + "ness"), Words{"numbness"}) << "inside a word";
    EXPECT_EQ(shown(std::string(hidden) + "numb " + hidden + " back" + hidden), (Words{"numb", "back"}))
        << "around words";
  }
  EXPECT_EQ(spans("numb\u00ADness"), (Spans{{0, 10}}));
}

TEST(Tokenize, AWordWithAnApostropheSpansItsWholeWriting) {
  EXPECT_EQ(spans("can’t bend"), (Spans{{0, 7}, {8, 12}}));
  EXPECT_EQ(spans("can't bend"), (Spans{{0, 5}, {6, 10}}));
}

TEST(Tokenize, AQuoteAtAWordEdgeIsNotPartOfTheWord) {
  EXPECT_EQ(shown("'knots'"), Words{"knots"});
  EXPECT_EQ(spans("'knots'"), (Spans{{1, 6}}));
  EXPECT_EQ(shown("‘knots’ here"), (Words{"knots", "here"}));
  EXPECT_EQ(spans("‘knots’ here"), (Spans{{3, 8}, {12, 16}}));
  EXPECT_EQ(shown("the knots' size"), (Words{"the", "knots", "size"}));
  EXPECT_EQ(shown("`stiff`."), (Words{"stiff", "."}));
  EXPECT_EQ(spans("`stiff`."), (Spans{{1, 6}, {7, 8}}));
  EXPECT_EQ(shown("\"stiff\""), Words{"stiff"});
}

TEST(Tokenize, HyphensAndDashesSplitWords) {
  EXPECT_EQ(shown("low-back pain"), (Words{"low", "back", "pain"}));
  EXPECT_EQ(shown("stiff—mostly"), (Words{"stiff", "mostly"}));
  EXPECT_EQ(spans("stiff—mostly"), (Spans{{0, 5}, {8, 14}}));
}

TEST(Tokenize, ReadsNumbersWithADecimalPart) {
  EXPECT_EQ(shown("7.5 out of 10"), (Words{"#7.5", "out", "of", "#10"}));
  EXPECT_EQ(spans("7.5 out of 10"), (Spans{{0, 3}, {4, 7}, {8, 10}, {11, 13}}));
}

TEST(Tokenize, AFullStopAfterANumberEndsTheSentence) {
  EXPECT_EQ(shown("I am 72. Stiff"), (Words{"i", "am", "#72", ".", "stiff"}));
  EXPECT_EQ(shown("1.5.2"), (Words{"#1.5", ".", "#2"}));
}

TEST(Tokenize, ASlashStandsBetweenTwoNumbers) {
  EXPECT_EQ(shown("7/10"), (Words{"#7", "/", "#10"}));
  EXPECT_EQ(spans("7/10"), (Spans{{0, 1}, {1, 2}, {2, 4}}));
}

TEST(Tokenize, ReadsSentenceEndsAndQuestions) {
  EXPECT_EQ(shown("a. b! c; d: e? f"), (Words{"a", ".", "b", ".", "c", ".", "d", ".", "e", "?", "f"}));
}

TEST(Tokenize, ARunOfPunctuationIsOneBoundary) {
  EXPECT_EQ(shown("stiff... numb"), (Words{"stiff", ".", "numb"}));
  EXPECT_EQ(spans("stiff... numb"), (Spans{{0, 5}, {5, 8}, {9, 13}}));
  EXPECT_EQ(shown("bad?! numb"), (Words{"bad", "?", "numb"}));
  EXPECT_EQ(spans("bad?! numb"), (Spans{{0, 3}, {3, 5}, {6, 10}}));
  EXPECT_EQ(shown("bad!? numb"), (Words{"bad", "?", "numb"}));
  EXPECT_EQ(shown("bad,. numb"), (Words{"bad", ".", "numb"}));
  EXPECT_EQ(shown("bad., numb"), (Words{"bad", ".", "numb"}));
  // Apart, they are two boundaries.
  EXPECT_EQ(shown("bad. . numb"), (Words{"bad", ".", ".", "numb"}));
}

TEST(Tokenize, AnEllipsisCharacterEndsASentenceLikeThreeDots) {
  EXPECT_EQ(shown("stiff… numb"), (Words{"stiff", ".", "numb"}));
  EXPECT_EQ(spans("stiff… numb"), (Spans{{0, 5}, {5, 8}, {9, 13}}));
}

TEST(Tokenize, CommasAndBracketsArePauses) {
  EXPECT_EQ(shown("knots (left side), stiff"), (Words{"knots", ",", "left", "side", ",", "stiff"}));
  EXPECT_EQ(spans("knots (left side), stiff"), (Spans{{0, 5}, {6, 7}, {7, 11}, {12, 16}, {16, 18}, {19, 24}}));
}

TEST(Tokenize, OffsetsCountBytesOfTheOriginalText) {
  EXPECT_EQ(spans("café stiff"), (Spans{{0, 5}, {6, 11}}));
  EXPECT_EQ(spans("’numb’ knots, 7"), (Spans{{3, 7}, {11, 16}, {16, 17}, {18, 19}}));
  const std::string text = "Ça fait mal: numb";
  const std::vector<Token> tokens = tokenize(text);
  ASSERT_EQ(tokens.size(), 5U);
  EXPECT_EQ(text.substr(tokens[4].begin, tokens[4].end - tokens[4].begin), "numb");
}

TEST(Tokenize, KeepsNonAsciiLettersInsideWordsWithoutTheirAccents) {
  EXPECT_EQ(shown("naïve façade"), (Words{"naive", "facade"}));
  EXPECT_EQ(shown("Schmerzen im Rücken"), (Words{"schmerzen", "im", "rucken"}));
  EXPECT_EQ(shown("Ελλάδα"), (Words{"ελλαδα"})) << "other scripts stay, case-folded";
}

TEST(Tokenize, CompatibilityFormsReadAsTheirPlainLetters) {
  EXPECT_EQ(shown("ｆｅｖｅｒ ７２"), (Words{"fever", "#72"})) << "full-width, from an East Asian input method";
  EXPECT_EQ(shown("ﬁrst ①"), (Words{"first", "#1"})) << "a ligature and a circled digit";
  EXPECT_EQ(spans("ｆｅｖｅｒ"), (Spans{{0, 15}})) << "the span is the original's bytes";
}

TEST(Tokenize, ANoBreakSpaceSeparatesWords) {
  EXPECT_EQ(shown("stiff\u00A0neck"), (Words{"stiff", "neck"}));
}

TEST(Tokenize, ContentTokensAreWordsAndNumbers) {
  std::vector<bool> content;
  for (const Token& token : tokenize("pain 7/10, ok.")) {
    content.push_back(is_content(token));
  }
  EXPECT_EQ(content, (std::vector<bool>{true, true, false, true, false, true, false}));
}

} // namespace
} // namespace backrelief
