#include "cli/input/csv_record.hpp"

#include <gtest/gtest.h>
#include <string>
#include <vector>

namespace backrelief::cli {
namespace {

// Every record of `lines`, fed one line at a time.
std::vector<std::vector<std::string>> records(const std::vector<std::string>& lines) {
  CsvRecordParser parser;
  std::vector<std::vector<std::string>> out;
  for (const std::string& line : lines) {
    if (parser.add_line(line)) {
      out.push_back(parser.fields());
    }
  }
  return out;
}

using Rows = std::vector<std::vector<std::string>>;

TEST(CsvRecordParser, SplitsPlainFieldsAndKeepsEmptyOnes) {
  EXPECT_EQ(records({"a,b,,d", ",", ""}), (Rows{{"a", "b", "", "d"}, {"", ""}, {""}}));
}

TEST(CsvRecordParser, AQuotedFieldHoldsCommasDoubledQuotesAndLineBreaks) {
  EXPECT_EQ(records({R"(P1,"ache, low","say ""hi""")", R"(P2,"two)", R"(lines",x)"}),
            (Rows{{"P1", "ache, low", "say \"hi\""}, {"P2", "two\nlines", "x"}}));
}

TEST(CsvRecordParser, DropsCarriageReturnsAndAByteOrderMark) {
  EXPECT_EQ(records({"\xEF\xBB\xBFid,notes\r", "1,\"a\r", "b\"\r"}), (Rows{{"id", "notes"}, {"1", "a\nb"}}));
}

TEST(CsvRecordParser, SaysWhereAQuoteIsMisplaced) {
  CsvRecordParser parser;
  ASSERT_TRUE(parser.add_line(R"(a,b"c,d)"));
  EXPECT_EQ(parser.problem(), "a quote inside field 2, which does not start with one: quote the whole field and "
                              "double the quote (\"\")");
  ASSERT_TRUE(parser.add_line(R"("a"b,c)"));
  EXPECT_EQ(parser.problem(), "text after the closing quote of field 1: a quoted field ends at its quote");
  ASSERT_TRUE(parser.add_line("fine,row"));
  EXPECT_FALSE(parser.problem());
}

TEST(CsvRecordParser, KnowsWhenTheInputEndsInsideQuotes) {
  CsvRecordParser parser;
  EXPECT_FALSE(parser.add_line(R"(a,"never closed)"));
  EXPECT_TRUE(parser.inside_quotes());
}

} // namespace
} // namespace backrelief::cli
