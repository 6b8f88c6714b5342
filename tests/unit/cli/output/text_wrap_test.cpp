#include "cli/output/text_wrap.hpp"

#include <cstdint>
#include <gtest/gtest.h>
#include <string>
#include <string_view>
#include <vector>

namespace backrelief::cli {
namespace {

std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t newline = text.find('\n', start);
    if (newline == std::string_view::npos) {
      lines.push_back(text.substr(start));
      break;
    }
    lines.push_back(text.substr(start, newline - start));
    start = newline + 1;
  }
  return lines;
}

// The bytes of a line that start visible characters: no complete SGR sequences and no UTF-8 continuation bytes.
// Written independently of the code under test.
std::string visible_bytes(std::string_view line) {
  std::string kept;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '\x1b' && i + 1 < line.size() && line[i + 1] == '[') {
      const std::size_t end = line.find_first_not_of("0123456789:;<=>?", i + 2);
      if (end != std::string_view::npos && line[end] == 'm') {
        i = end;
        continue;
      }
    }
    if ((static_cast<unsigned char>(line[i]) & 0xc0U) != 0x80U) {
      kept += line[i];
    }
  }
  return kept;
}

// The promise of wrap_text: a line wider than the width holds a single word after its leading spaces.
void expect_within_width(std::string_view wrapped, std::size_t width) {
  for (const std::string_view line : lines_of(wrapped)) {
    if (display_width(line) > width) {
      const std::string visible = visible_bytes(line);
      const std::size_t text_start = visible.find_first_not_of(' ');
      EXPECT_EQ(visible.find(' ', text_start), std::string::npos)
          << "line of width " << display_width(line) << " over " << width << ": " << line.substr(0, 80);
    }
  }
}

// Wrapping only moves text: it adds line breaks and indents and drops spaces, nothing else.
std::string without_spaces_and_newlines(std::string_view text) {
  std::string kept;
  for (const char byte : text) {
    if (byte != ' ' && byte != '\n') {
      kept += byte;
    }
  }
  return kept;
}

TEST(DisplayWidth, CountsAsciiCharacters) {
  EXPECT_EQ(display_width(""), 0U);
  EXPECT_EQ(display_width("abc de"), 6U);
}

TEST(DisplayWidth, CountsUtf8CodePointsOnce) {
  EXPECT_EQ(display_width("\u2588\u2591"), 2U);
  EXPECT_EQ(display_width("caf\u00e9"), 4U);
  EXPECT_EQ(display_width("\u2588\u2588\u2588\u2591\u2591 12.5"), 10U);
}

TEST(DisplayWidth, SgrSequencesTakeNoColumns) {
  EXPECT_EQ(display_width("\x1b[1;32mok\x1b[0m"), 2U);
  EXPECT_EQ(display_width("\x1b[m"), 0U);
  EXPECT_EQ(display_width("\x1b[2m\u2588\x1b[22m\u2591"), 2U);
}

TEST(DisplayWidth, InvalidUtf8AndBrokenEscapesStillCount) {
  EXPECT_EQ(display_width("\x80\xbf"), 0U);  // continuation bytes with no lead
  EXPECT_EQ(display_width("\xff\xfe"), 2U);  // never valid in UTF-8, one column each
  EXPECT_EQ(display_width("\xe2\x96"), 1U);  // a truncated three-byte character
  EXPECT_EQ(display_width("abc\x1b"), 4U);   // a lone ESC is not a sequence
  EXPECT_EQ(display_width("\x1b[31"), 4U);   // no final 'm', so not a sequence
  EXPECT_EQ(display_width("\x1b[3 1m"), 6U); // a space cannot be inside one
}

TEST(WrapText, LinesThatFitAreUnchanged) {
  EXPECT_EQ(wrap_text("short line\n", 20), "short line\n");
  EXPECT_EQ(wrap_text("abcde fghij", 11), "abcde fghij");
  EXPECT_EQ(wrap_text("ab   \n", 10), "ab   \n");
  EXPECT_EQ(wrap_text("  - \x1b[1mbold\x1b[0m", 8), "  - \x1b[1mbold\x1b[0m");
  EXPECT_EQ(wrap_text(" 1  Swedish  \u2588\u2588\u2591  9.0", 21), " 1  Swedish  \u2588\u2588\u2591  9.0");
}

TEST(WrapText, BreaksAtSpaces) {
  EXPECT_EQ(wrap_text("the quick brown fox jumps", 10), "the quick\nbrown fox\njumps");
  EXPECT_EQ(wrap_text("the quick brown fox jumps\n", 9), "the quick\nbrown fox\njumps\n");
}

TEST(WrapText, DropsSpacesAtABreakButKeepsThemBetweenWords) {
  EXPECT_EQ(wrap_text("aaaa    bbbb", 6), "aaaa\nbbbb");
  EXPECT_EQ(wrap_text("a  b  cccccc", 5), "a  b\ncccccc");
}

TEST(WrapText, KeepsTrailingSpacesAsFarAsTheyFit) {
  EXPECT_EQ(wrap_text("aaa bbb     ", 5), "aaa\nbbb  ");
  EXPECT_EQ(wrap_text("aaa bbbbb  ", 5), "aaa\nbbbbb");
  EXPECT_EQ(wrap_text("aaa bb  ", 5), "aaa\nbb  ");
}

TEST(WrapText, ReasonLinesHangAfterTheirMarker) {
  EXPECT_EQ(wrap_text("    + eases tight shoulders and upper back (+2)\n", 24), "    + eases tight\n"
                                                                                "      shoulders and\n"
                                                                                "      upper back (+2)\n");
}

TEST(WrapText, ColouredMarkerStillHangs) {
  EXPECT_EQ(wrap_text("    \x1b[32m+\x1b[0m eases tight shoulders", 20), "    \x1b[32m+\x1b[0m eases tight\n"
                                                                         "      shoulders");
}

TEST(WrapText, EveryMarkerHangsTwoColumns) {
  for (const char marker : std::string_view{"+-!x*"}) {
    const std::string line = std::string(1, marker) + " aaa bbb";
    EXPECT_EQ(wrap_text(line, 5), std::string(1, marker) + " aaa\n  bbb") << marker;
  }
}

TEST(WrapText, OtherFirstWordsDoNotHang) {
  EXPECT_EQ(wrap_text("y aaa bbb", 5), "y aaa\nbbb");
  EXPECT_EQ(wrap_text("+x aa bbb", 5), "+x aa\nbbb");
  EXPECT_EQ(wrap_text("1 aaa bbb", 5), "1 aaa\nbbb");
  EXPECT_EQ(wrap_text("   aaa bbb", 6), "   aaa\n   bbb");
}

TEST(WrapText, RankedLinesHangAfterTheRank) {
  EXPECT_EQ(wrap_text(" 1  Swedish massage with long flowing strokes", 22), " 1  Swedish massage\n"
                                                                            "    with long flowing\n"
                                                                            "    strokes");
  EXPECT_EQ(wrap_text("12  \x1b[1mDeep tissue\x1b[0m massage", 16), "12  \x1b[1mDeep tissue\x1b[0m\n"
                                                                    "    massage");
}

TEST(WrapText, AWordLongerThanTheWidthStandsAlone) {
  EXPECT_EQ(wrap_text("tiny extraordinarily long", 6), "tiny\nextraordinarily\nlong");
  EXPECT_EQ(wrap_text("extraordinarily x", 5), "extraordinarily\nx");
  EXPECT_EQ(wrap_text("  - extraordinarily", 5), "  -\n    extraordinarily");
}

TEST(WrapText, WidthZeroMeansNoWrapping) {
  const std::string text = "a line that is much longer than any sensible width would allow\nand another\n";
  EXPECT_EQ(wrap_text(text, 0), text);
}

TEST(WrapText, KeepsTheFinalNewlineOnlyWhenThereWasOne) {
  EXPECT_EQ(wrap_text("aaa bbb\nccc ddd\n", 4), "aaa\nbbb\nccc\nddd\n");
  EXPECT_EQ(wrap_text("aaa bbb\nccc ddd", 4), "aaa\nbbb\nccc\nddd");
  EXPECT_EQ(wrap_text("\n\naaa bbb", 4), "\n\naaa\nbbb");
  EXPECT_EQ(wrap_text("\n", 4), "\n");
  EXPECT_EQ(wrap_text("", 4), "");
}

TEST(WrapText, ColourSpanningABreakStaysIntact) {
  EXPECT_EQ(wrap_text("\x1b[32mgreen words here\x1b[0m", 11), "\x1b[32mgreen words\nhere\x1b[0m");
  // An escape among the dropped spaces still changes the colour, so it stays, before the break.
  EXPECT_EQ(wrap_text("aaaa \x1b[1m bbbb", 6), "aaaa\x1b[1m\nbbbb");
  // An escape right before a word goes to the next line with it.
  EXPECT_EQ(wrap_text("aaaa \x1b[1mbbbb", 6), "aaaa\n\x1b[1mbbbb");
  // Escapes inside a word take no columns and are never split.
  EXPECT_EQ(wrap_text("ab\x1b[1mcd\x1b[0mef gh", 6), "ab\x1b[1mcd\x1b[0mef\ngh");
  // A reset after trailing spaces keeps its place at the end, without a line of its own.
  EXPECT_EQ(wrap_text("aaa bbb \x1b[0m", 3), "aaa\nbbb\x1b[0m");
}

TEST(WrapText, InvalidUtf8IsCarriedThrough) {
  EXPECT_EQ(wrap_text("\xff\xfe \x80\x61\x62 cd", 5), "\xff\xfe \x80\x61\x62\ncd");
  EXPECT_EQ(wrap_text("abc def\x1b", 4), "abc\ndef\x1b");
  EXPECT_EQ(wrap_text("ab cd\x1b[3", 3), "ab\ncd\x1b[3");
  EXPECT_EQ(wrap_text("ab \x1b[", 2), "ab\n\x1b[");
  EXPECT_EQ(wrap_text("\x1b", 1), "\x1b");
  // A stray continuation byte takes no column, so it is no word to break before.
  EXPECT_EQ(wrap_text("aaa \x80 bbb", 4), "aaa\x80\nbbb");
}

TEST(WrapText, IndentAtLeastTheWidthFallsBackToNone) {
  EXPECT_EQ(wrap_text("        + aaa bbb", 6), "        +\naaa\nbbb");
  EXPECT_EQ(wrap_text("  - aaa bbb", 4), "  -\naaa\nbbb");
  EXPECT_EQ(wrap_text(" 1  aa bb", 4), " 1\naa\nbb");
}

TEST(WrapText, WidthOneGivesAWordALine) {
  EXPECT_EQ(wrap_text("a b  c\n", 1), "a\nb\nc\n");
  EXPECT_EQ(wrap_text("- a b", 1), "-\na\nb");
}

TEST(WrapText, LineOfSpacesIsCutToTheWidth) {
  EXPECT_EQ(wrap_text("      \nab", 3), "   \nab");
  EXPECT_EQ(wrap_text("  \x1b[1m    \x1b[0m", 3), "  \x1b[1m \x1b[0m");
  EXPECT_EQ(wrap_text("ab\n     ", 1), "ab\n ");
}

TEST(WrapText, MegabyteLineFinishesWithinTheWidth) {
  std::string line = "    + ";
  while (line.size() < 1'000'000) {
    line += "massage \x1b[32meases\x1b[0m tight \u2588\u2591 shoulders ";
  }
  line += "end\n";
  const std::string wrapped = wrap_text(line, 40);
  expect_within_width(wrapped, 40);
  EXPECT_EQ(without_spaces_and_newlines(wrapped), without_spaces_and_newlines(line));
  EXPECT_TRUE(wrapped.ends_with('\n'));
  const std::vector<std::string_view> lines = lines_of(wrapped);
  ASSERT_GT(lines.size(), 2U);
  EXPECT_TRUE(lines[1].starts_with("      ")) << lines[1];
  for (const std::string_view wrapped_line : lines) {
    EXPECT_FALSE(wrapped_line.ends_with(' ')) << wrapped_line;
  }
}

TEST(WrapText, MegabyteOfAwkwardBytesFinishes) {
  const std::size_t size = 1'000'000;
  const std::string word(size, 'w');
  EXPECT_EQ(wrap_text(word, 10), word);
  const std::string spaces = "a" + std::string(size, ' ') + "b";
  EXPECT_EQ(wrap_text(spaces, 10), "a\nb");
  std::string broken_escapes;
  while (broken_escapes.size() < size) {
    broken_escapes += "\x1b[1;2;3 \x1b";
  }
  expect_within_width(wrap_text(broken_escapes, 7), 7);
  const std::string digits = "\x1b[" + std::string(size, '1');
  EXPECT_EQ(wrap_text(digits, 10), digits);
  const std::string rank = std::string(size, '9') + "  ranked";
  EXPECT_EQ(wrap_text(rank, 10), std::string(size, '9') + "\nranked");
}

// Small random texts from pieces that trouble wrapping, at every small width: the promises hold for all.
TEST(WrapText, RandomTextsKeepThePromises) {
  const std::vector<std::string_view> pieces = {"a",      "bb", " ",    "  ",   "\x1b[1m", "\x1b[0m", "+", "1",
                                                "\u2588", "\n", "\x1b", "\x80", "\x1b[",   "-",       "x"};
  std::uint32_t state = 12345;
  const auto next = [&state] {
    state = state * 1664525U + 1013904223U;
    return state >> 8U;
  };
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const std::uint32_t length = next() % 24U;
    for (std::uint32_t i = 0; i < length; ++i) {
      text += pieces[next() % pieces.size()];
    }
    for (std::size_t width = 1; width <= 8; ++width) {
      const std::string wrapped = wrap_text(text, width);
      SCOPED_TRACE(::testing::Message() << "width " << width << ", text \"" << text << '"');
      expect_within_width(wrapped, width);
      EXPECT_EQ(without_spaces_and_newlines(wrapped), without_spaces_and_newlines(text));
      EXPECT_EQ(wrapped.ends_with('\n'), text.ends_with('\n'));
    }
  }
}

} // namespace
} // namespace backrelief::cli
