#include "report/json_writer.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstdint>
#include <functional>
#include <gtest/gtest.h>
#include <limits>
#include <nlohmann/json.hpp>
#include <optional>
#include <random>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// JsonWriter promises the text of nlohmann::ordered_json::dump(indent, ' ', false, replace) for the
// same document. Each test builds the document both ways and compares the two texts byte for byte.

namespace backrelief {
namespace {

using Document = nlohmann::ordered_json;
using ValueType = nlohmann::json::value_t;

/// Compact, and a few indentations (2 is what backrelief uses; 0 and 4 cost nothing to check).
constexpr std::array<std::optional<int>, 4> k_indents{std::nullopt, 0, 2, 4};

std::string dumped(const Document& document, std::optional<int> indent) {
  return document.dump(indent.value_or(-1), ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string indent_name(std::optional<int> indent) {
  return indent ? "indent " + std::to_string(*indent) : std::string("compact");
}

/// Drives `writer` through `document`, node by node, as a caller of JsonWriter would.
void write_document(JsonWriter& writer, const Document& document) {
  switch (document.type()) {
  case ValueType::object:
    writer.begin_object();
    for (const auto& item : document.items()) {
      writer.key(item.key());
      write_document(writer, item.value());
    }
    writer.end_object();
    return;
  case ValueType::array:
    writer.begin_array();
    for (const Document& item : document) {
      write_document(writer, item);
    }
    writer.end_array();
    return;
  case ValueType::string:
    writer.value(document.get_ref<const std::string&>());
    return;
  case ValueType::boolean:
    writer.value(document.get<bool>());
    return;
  case ValueType::number_integer:
    writer.value(document.get<std::int64_t>());
    return;
  case ValueType::number_unsigned:
    writer.value(document.get<std::uint64_t>());
    return;
  case ValueType::number_float:
    writer.value(document.get<double>());
    return;
  case ValueType::null:
    writer.null();
    return;
  case ValueType::binary:
  case ValueType::discarded:
    break;
  }
  ADD_FAILURE() << "a test document holds a value JsonWriter cannot write";
}

/// Whether JsonWriter writes `document` as nlohmann does, with `indent`.
testing::AssertionResult same_text(const Document& document, std::optional<int> indent) {
  JsonWriter writer(indent);
  write_document(writer, document);
  const std::string expected = dumped(document, indent);
  if (writer.text() == expected) {
    return testing::AssertionSuccess();
  }
  return testing::AssertionFailure() << indent_name(indent) << "\n  nlohmann:   " << testing::PrintToString(expected)
                                     << "\n  JsonWriter: " << testing::PrintToString(std::string(writer.text()));
}

/// Whether JsonWriter writes `document` as nlohmann does, with every indentation.
testing::AssertionResult same_text(const Document& document) {
  for (const std::optional<int> indent : k_indents) {
    testing::AssertionResult result = same_text(document, indent);
    if (!result) {
      return result;
    }
  }
  return testing::AssertionSuccess();
}

/// Documents that hold `text` at the top, in an array and in an object.
std::vector<Document> documents_with(const std::string& text) {
  Document object = Document::object();
  object["a"] = text;
  object["b"] = Document::array({text, 1});
  return {Document(text), Document::array({text, "x", text}), object};
}

/// Whether every document of documents_with(text) comes out as nlohmann writes it.
testing::AssertionResult same_string_text(const std::string& text) {
  for (const Document& document : documents_with(text)) {
    testing::AssertionResult result = same_text(document);
    if (!result) {
      return result << "\n  string: " << testing::PrintToString(text);
    }
  }
  return testing::AssertionSuccess();
}

/// Stops a table-driven test after a few failures, so one bug does not print thousands of them.
class FailureBudget {
public:
  /// Records `result`; false once the budget is spent.
  bool check(const testing::AssertionResult& result) {
    if (!result) {
      ADD_FAILURE() << result.message();
      ++m_failures;
    }
    return m_failures < k_max_failures;
  }

private:
  static constexpr int k_max_failures = 10;
  int m_failures = 0;
};

/// `count` bytes of plain ASCII text.
std::string ascii(std::size_t count) {
  constexpr std::string_view k_alphabet = "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789.,;:-";
  std::string text;
  for (std::size_t i = 0; i < count; ++i) {
    text += k_alphabet[i % k_alphabet.size()];
  }
  return text;
}

/// A 17-byte string (two 8-byte words and a tail) with `inserted` placed at `position`.
std::string embedded(std::string_view inserted, std::size_t position) {
  std::string text = ascii(17);
  text.replace(position, std::min(inserted.size(), text.size() - position), inserted);
  return text;
}

// Invalid UTF-8, which nlohmann replaces with U+FFFD: JsonWriter must replace it the same way.
const std::vector<std::string> k_invalid_utf8 = {
    "\x80",                     // a lone continuation byte
    "\xBF",                     // another
    "\x80\x80\x80",             // several
    "\xC3",                     // a 2-byte sequence cut short
    "\xE2\x82",                 // a 3-byte sequence cut short
    "\xE2",                     // ... after its first byte
    "\xF0\x9F\x98",             // a 4-byte sequence cut short
    "\xF0\x9F",                 // ...
    "\xF0",                     // ...
    "\xC0\x80",                 // overlong NUL
    "\xC1\xBF",                 // overlong
    "\xE0\x80\x80",             // overlong 3 bytes
    "\xE0\x9F\xBF",             // overlong 3 bytes, the largest
    "\xF0\x80\x80\x80",         // overlong 4 bytes
    "\xF0\x8F\xBF\xBF",         // overlong 4 bytes, the largest
    "\xED\xA0\x80",             // a high surrogate
    "\xED\xBF\xBF",             // a low surrogate
    "\xED\xA0\xBD\xED\xB8\x80", // a surrogate pair in CESU-8
    "\xF4\x90\x80\x80",         // above U+10FFFF
    "\xF5\x80\x80\x80",         // a lead byte that never occurs
    "\xF8\x88\x80\x80\x80",     // a 5-byte form
    "\xFC\x84\x80\x80\x80\x80", // a 6-byte form
    "\xFE",                     // never in UTF-8
    "\xFF",                     // never in UTF-8
    "\xC3\x28",                 // a lead byte followed by ASCII
    "\xE2\x28\xA1",             // a bad second byte
    "\xE2\x82\x28",             // a bad third byte
    "\xF0\x28\x8C\xBC",         // a bad second byte of 4
    "\xF0\x90\x28\xBC",         // a bad third byte of 4
    "\xF0\x90\x8C\x28",         // a bad fourth byte
    "\xC3\xA9\x80",             // valid, then a stray continuation byte
    "\xE2\x82\xAC\xAC",         // ...
};

// Valid UTF-8 at the edges of the ranges of table 3-7 of the Unicode standard.
const std::vector<std::string> k_valid_utf8 = {
    "\xC2\x80",         // U+0080
    "\xC3\xA9",         // U+00E9 é
    "\xDF\xBF",         // U+07FF
    "\xE0\xA0\x80",     // U+0800
    "\xE2\x82\xAC",     // U+20AC €
    "\xED\x9F\xBF",     // U+D7FF
    "\xEE\x80\x80",     // U+E000
    "\xEF\xBB\xBF",     // U+FEFF
    "\xEF\xBF\xBD",     // U+FFFD
    "\xEF\xBF\xBF",     // U+FFFF
    "\xF0\x90\x80\x80", // U+10000
    "\xF0\x9F\x98\x80", // U+1F600
    "\xF3\xBF\xBF\xBF", // U+FFFFF
    "\xF4\x80\x80\x80", // U+100000
    "\xF4\x8F\xBF\xBF", // U+10FFFF
};

TEST(JsonWriter, EmptyString) {
  EXPECT_TRUE(same_string_text(""));
  JsonWriter writer(std::nullopt);
  writer.value("");
  EXPECT_EQ(writer.text(), R"("")");
}

TEST(JsonWriter, PlainAsciiOfEveryLength) {
  // Lengths 0 to 40 take the 8-byte path zero to five times, with every length of tail.
  for (std::size_t length = 0; length <= 40; ++length) {
    EXPECT_TRUE(same_string_text(ascii(length))) << "length " << length;
  }
}

TEST(JsonWriter, EveryAsciiByteAlone) {
  for (int byte = 0; byte <= 0x7F; ++byte) {
    EXPECT_TRUE(same_string_text(std::string(1, static_cast<char>(byte)))) << "byte " << byte;
  }
}

TEST(JsonWriter, ControlEscapesAsNlohmannWritesThem) {
  // Spelled out once, so a change on both sides would still be seen.
  JsonWriter writer(std::nullopt);
  writer.value(std::string("\x00\x01\x08\x09\x0A\x0B\x0C\x0D\x1B\x1F\x20\x7F\"\\/", 15));
  EXPECT_EQ(writer.text(), "\"\\u0000\\u0001\\b\\t\\n\\u000b\\f\\r\\u001b\\u001f \x7F\\\"\\\\/\"");
}

TEST(JsonWriter, EveryAsciiByteAtEveryPosition) {
  FailureBudget budget;
  for (int byte = 0; byte <= 0x7F; ++byte) {
    for (std::size_t position = 0; position < 17; ++position) {
      if (!budget.check(same_string_text(embedded(std::string(1, static_cast<char>(byte)), position)))) {
        return;
      }
    }
  }
}

TEST(JsonWriter, QuotesAndBackslashes) {
  const std::vector<std::string> texts = {
      "\"",           "\\",         "\"\"", "\\\\",      "a\"b",
      "a\\b",         "\\\"",       "\"\\", "\\u0041",   R"(C:\dir\file "name")",
      R"(""""""""")", // nine quotes: a whole word of them and one more
      R"(\\\\\\\\\)", // nine backslashes
      "12345678\"",   "1234567\\8", "/",    "</script>",
  };
  for (const std::string& text : texts) {
    EXPECT_TRUE(same_string_text(text));
  }
  for (std::size_t position = 0; position < 17; ++position) {
    EXPECT_TRUE(same_string_text(embedded("\"", position)));
    EXPECT_TRUE(same_string_text(embedded("\\", position)));
    EXPECT_TRUE(same_string_text(embedded("\\\"", position)));
  }
}

TEST(JsonWriter, ValidUtf8AtEveryPosition) {
  FailureBudget budget;
  for (const std::string& sequence : k_valid_utf8) {
    if (!budget.check(same_string_text(sequence)) || !budget.check(same_string_text(sequence + sequence))) {
      return;
    }
    for (std::size_t position = 0; position + sequence.size() <= 17; ++position) {
      if (!budget.check(same_string_text(embedded(sequence, position)))) {
        return;
      }
    }
  }
}

TEST(JsonWriter, ValidUtf8IsKeptAsItIs) {
  JsonWriter writer(std::nullopt);
  writer.value("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80");
  EXPECT_EQ(writer.text(), "\"caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80\"");
}

TEST(JsonWriter, InvalidUtf8IsReplacedAsNlohmannReplacesIt) {
  FailureBudget budget;
  for (const std::string& sequence : k_invalid_utf8) {
    const std::vector<std::string> texts = {
        sequence,
        sequence + sequence,
        "abc" + sequence,
        sequence + "abc",
        ascii(20) + sequence,
        sequence + ascii(20),
        ascii(9) + sequence + ascii(9),
        "\n\"" + sequence + "\\\t",
        "\xC3\xA9" + sequence + "\xE2\x82\xAC",
        sequence + "\xF0\x9F\x98\x80",
        ascii(5000) + "\n" + sequence, // after the buffer has grown and an escape has been written
    };
    for (const std::string& text : texts) {
      if (!budget.check(same_string_text(text))) {
        return;
      }
    }
    for (std::size_t position = 0; position + sequence.size() <= 17; ++position) {
      if (!budget.check(same_string_text(embedded(sequence, position)))) {
        return;
      }
    }
  }
}

TEST(JsonWriter, InvalidUtf8WithU0000NearbyIsReplacedAsNlohmannReplacesIt) {
  // Spelled out once: "a", U+FFFD, "\u0000".
  JsonWriter writer(std::nullopt);
  writer.value(std::string("a\x80\x00", 3));
  EXPECT_EQ(writer.text(), "\"a\xEF\xBF\xBD\\u0000\"");
}

TEST(JsonWriter, EveryPairAfterAHighByte) {
  // Every byte 0x80..0xFF followed by every byte, between ASCII: lone bytes, cut sequences and
  // every second byte of every lead byte.
  FailureBudget budget;
  for (int lead = 0x80; lead <= 0xFF; ++lead) {
    for (int next = 0; next <= 0xFF; ++next) {
      const std::string text = {'a', 'b', static_cast<char>(lead), static_cast<char>(next), 'c'};
      if (!budget.check(same_text(Document(text), std::nullopt))) {
        return;
      }
    }
  }
}

TEST(JsonWriter, LongSequencesAtTheirRangeEdges) {
  // Lead bytes 0xE0..0xFF with continuation bytes at the edges of every range of table 3-7, cut
  // short or whole, and followed by ASCII.
  constexpr std::array<unsigned char, 10> k_edges{0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0};
  FailureBudget budget;
  for (int lead = 0xE0; lead <= 0xFF; ++lead) {
    for (const unsigned char second : k_edges) {
      for (const unsigned char third : k_edges) {
        for (const unsigned char fourth : k_edges) {
          const std::string sequence = {static_cast<char>(lead), static_cast<char>(second), static_cast<char>(third),
                                        static_cast<char>(fourth)};
          if (!budget.check(same_text(Document(sequence + "z"), std::nullopt)) ||
              !budget.check(same_text(Document("xyz" + sequence.substr(0, 3)), std::nullopt)) ||
              !budget.check(same_text(Document(sequence.substr(0, 2) + "z"), std::nullopt))) {
            return;
          }
        }
      }
    }
  }
}

TEST(JsonWriter, StringsLongerThanTheFirstBuffer) {
  // The buffer starts at 4096 bytes; escapes make the text up to six times longer than the string.
  std::string controls;
  std::string mixed;
  for (std::size_t i = 0; i < 10000; ++i) {
    controls += static_cast<char>(i % 0x20);
    mixed += (i % 7 == 0) ? std::string("\"\xC3\xA9\\") : ascii(i % 13);
  }
  EXPECT_TRUE(same_string_text(controls));
  EXPECT_TRUE(same_string_text(mixed));
  EXPECT_TRUE(same_string_text(ascii(100000)));
  EXPECT_TRUE(same_string_text(mixed + "\xFF" + controls));

  // Many members, each a little text: the buffer grows between values too.
  Document document = Document::object();
  for (int i = 0; i < 2000; ++i) {
    document["m" + std::to_string(i)] = std::string(static_cast<std::size_t>(i % 50), '\n');
  }
  EXPECT_TRUE(same_text(document));
}

TEST(JsonWriter, Integers) {
  const std::vector<std::int64_t> numbers = {
      0,
      1,
      -1,
      9,
      10,
      -10,
      99,
      100,
      1234567890,
      -987654321,
      std::numeric_limits<std::int32_t>::min(),
      std::numeric_limits<std::int32_t>::max(),
      std::int64_t{1} << 53,
      std::numeric_limits<std::int64_t>::min(),
      std::numeric_limits<std::int64_t>::min() + 1,
      std::numeric_limits<std::int64_t>::max(),
      std::numeric_limits<std::int64_t>::max() - 1,
  };
  for (const std::int64_t number : numbers) {
    EXPECT_TRUE(same_text(Document(number))) << number;
    EXPECT_TRUE(same_text(Document::array({number, number / 2, number}))) << number;
  }
}

TEST(JsonWriter, IntegersOfOtherTypes) {
  JsonWriter writer(std::nullopt);
  writer.begin_array()
      .value(short{-7})
      .value(7U)
      .value(-70000L)
      .value(std::size_t{123456})
      .value(std::uint8_t{255})
      .value(std::int8_t{-128})
      .value(static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
      .end_array();
  const Document document = Document::array({short{-7}, 7U, -70000L, std::size_t{123456}, std::uint8_t{255},
                                             std::int8_t{-128}, std::numeric_limits<std::int64_t>::max()});
  EXPECT_EQ(writer.text(), dumped(document, std::nullopt));
}

TEST(JsonWriter, UnsignedAboveInt64Max) {
  std::string differences;
  for (const std::uint64_t number : {std::uint64_t{1} << 63, std::numeric_limits<std::uint64_t>::max()}) {
    JsonWriter writer(std::nullopt);
    writer.value(number);
    const std::string expected = dumped(Document(number), std::nullopt);
    if (writer.text() != expected) {
      differences += "\n  nlohmann " + expected + ", JsonWriter " + std::string(writer.text());
    }
  }
  EXPECT_EQ(differences, "");
}

/// Doubles JsonWriter must write exactly as nlohmann does: magnitudes from 1e-4 to below 1e15.
std::vector<double> ordinary_doubles() {
  std::vector<double> numbers = {
      0.0,
      -0.0,
      1.0,
      -1.0,
      5.0,
      -5.0,
      10.0,
      100.0,
      1024.0,
      1e14,
      123456789012345.0,
      999999999999999.0,
      0.5,
      0.1,
      0.2,
      0.1 + 0.2,
      1.0 / 3.0,
      2.0 / 3.0,
      1e-3,
      1e-4,
      0.00012345,
      3.14159,
      2.718281828459045,
      1.7976931348623157e14,
      0.30000000000000004,
      123.456,
      -98.765,
      4.35,
      0.07,
      1.005,
      2.675,
  };
  // Scores and weights in backrelief are small decimal steps, computed either way.
  for (int step = -2000; step <= 2000; ++step) {
    numbers.push_back(step * 0.05);
    numbers.push_back(step / 20.0);
  }
  for (int step = -400; step <= 400; ++step) {
    numbers.push_back(step * 0.25);
  }
  return numbers;
}

TEST(JsonWriter, Doubles) {
  FailureBudget budget;
  for (const double number : ordinary_doubles()) {
    if (!budget.check(same_text(Document(number), std::nullopt)) ||
        !budget.check(same_text(Document::array({number, number}), 2))) {
      return;
    }
  }
}

TEST(JsonWriter, WholeDoublesStayDoubles) {
  JsonWriter writer(std::nullopt);
  writer.begin_array().value(5.0).value(-0.0).value(0.0).value(100.0).value(1e14).value(-3.0).end_array();
  EXPECT_EQ(writer.text(), "[5.0,-0.0,0.0,100.0,100000000000000.0,-3.0]");
}

TEST(JsonWriter, ShortDecimals) {
  // The doubles nearest to a whole number of hundredths, which JsonWriter writes without the
  // general algorithm below 1e7, and their neighbours, which it must not write that way.
  std::vector<double> numbers = {0.01,        0.09,       0.1,          0.99,      1.01,      1.1,
                                 2.5,         -1.25,      12.34,        99.99,     100.01,    -0.01,
                                 -0.1,        9999999.99, -9999999.99,  9999999.9, 9999999.0, 10000000.0,
                                 10000000.01, 10000000.5, 123456789.12, 0.015,     0.125,     1e-2 / 3};
  for (std::int64_t hundredths = -20000; hundredths <= 20000; ++hundredths) {
    numbers.push_back(static_cast<double>(hundredths) / 100.0);
  }
  std::mt19937_64 random(100);
  for (const std::int64_t limit : {std::int64_t{1'000'000'000}, std::int64_t{100'000'000'000}}) {
    std::uniform_int_distribution<std::int64_t> hundredths(-limit, limit);
    for (int count = 0; count < 100000; ++count) {
      numbers.push_back(static_cast<double>(hundredths(random)) / 100.0);
    }
  }
  FailureBudget budget;
  for (const double number : numbers) {
    if (!budget.check(same_text(Document(number), std::nullopt))) {
      return;
    }
  }
  JsonWriter writer(std::nullopt);
  writer.begin_array().value(0.05).value(-0.5).value(2.5).value(-1.25).value(9999999.99).value(0.1 + 0.2).end_array();
  EXPECT_EQ(writer.text(), "[0.05,-0.5,2.5,-1.25,9999999.99,0.30000000000000004]");
}

/// What JsonWriter writes for `number` alone.
std::string written(double number) {
  JsonWriter writer(std::nullopt);
  writer.value(number);
  return std::string(writer.text());
}

/// Whether `text` reads back, with nlohmann, as a floating-point number with the bits of `number`.
bool reads_back_as(const std::string& text, double number) {
  const nlohmann::json parsed = nlohmann::json::parse(text, nullptr, false);
  return parsed.is_number_float() &&
         std::bit_cast<std::uint64_t>(parsed.get<double>()) == std::bit_cast<std::uint64_t>(number);
}

/// Doubles whose shortest form has many digits: sums of many small steps, ties, random bits of
/// magnitude 1e-4 to 1e15, the neighbours of short decimals.
std::vector<double> long_doubles() {
  std::vector<double> numbers = {
      std::bit_cast<double>(std::uint64_t{0x404b3333333332ad}), // 0.05 added 1088 times: 54.399999999999046
      std::bit_cast<double>(std::uint64_t{0x4051d333333332ad}), // 0.05 added 1426 times: 71.29999999999809
      980892634812800.25,                                       // halfway between 980892634812800.2 and .3
  };
  double sum = 0.0;
  for (int step = 0; step < 2000; ++step) {
    sum += 0.05;
    numbers.push_back(sum);
    numbers.push_back(-sum);
  }
  std::mt19937_64 random(20240611);
  while (numbers.size() < 100000) {
    const auto number = std::bit_cast<double>(random());
    if (std::isfinite(number) && std::fabs(number) >= 1e-4 && std::fabs(number) < 1e15) {
      numbers.push_back(number);
    }
  }
  std::uniform_int_distribution<std::int64_t> hundredths(-1'000'000'000, 1'000'000'000);
  for (int count = 0; count < 20000; ++count) {
    const double number = static_cast<double>(hundredths(random)) / 100.0;
    numbers.push_back(std::nextafter(number, -1e300));
    numbers.push_back(std::nextafter(number, 1e300));
  }
  return numbers;
}

TEST(JsonWriter, DoublesReadBackAsTheSameNumber) {
  FailureBudget budget;
  for (const double number : long_doubles()) {
    const std::string text = written(number);
    if (!budget.check(reads_back_as(text, number)
                          ? testing::AssertionSuccess()
                          : testing::AssertionFailure() << testing::PrintToString(number) << " written as " << text)) {
      return;
    }
  }
}

TEST(JsonWriter, DoublesWithManyDigitsAreShortestAndReadBack) {
  // nlohmann writes doubles with Grisu2, which now and then writes a digit more than needed, or
  // not the nearest of the shortest forms; JsonWriter writes the shortest form that reads back
  // as the same number (fmt's Dragonbox). So: never longer than nlohmann's, always the same number,
  // and the same text for almost all of them.
  std::size_t checked = 0;
  std::size_t different = 0;
  for (const double number : long_doubles()) {
    ++checked;
    const std::string expected = dumped(Document(number), std::nullopt);
    const std::string text = written(number);
    EXPECT_TRUE(reads_back_as(text, number)) << text;
    EXPECT_LE(text.size(), expected.size()) << "nlohmann " << expected << ", JsonWriter " << text;
    if (text != expected) {
      ++different;
    }
  }
  EXPECT_LT(different * 100, checked); // 803 of 240,000 when this was written
}

TEST(JsonWriter, InfinityAndNanAreNull) {
  const std::vector<double> numbers = {std::numeric_limits<double>::infinity(),
                                       -std::numeric_limits<double>::infinity(),
                                       std::numeric_limits<double>::quiet_NaN(), -std::nan("")};
  for (const double number : numbers) {
    EXPECT_TRUE(same_text(Document(number))) << number;
    EXPECT_TRUE(same_text(Document::array({1, number, 2}))) << number;
    JsonWriter writer(std::nullopt);
    writer.begin_object().member("x", number).end_object();
    EXPECT_EQ(writer.text(), R"({"x":null})");
  }
}

TEST(JsonWriter, ExtremeDoublesParseBack) {
  // Formatting may differ from nlohmann's for magnitudes >= 1e15 or < 1e-4 (fmt writes 1e15 as
  // "1000000000000000.0" where nlohmann writes "1e+15", and exponents may be spelled differently), so
  // for these the text is not required to be nlohmann's: only to read back as the same double.
  const std::vector<double> numbers = {
      1e15,
      -1e15,
      9007199254740992.0,
      9007199254740993.0,
      1e16,
      1.2345678901234567e17,
      1e21,
      1e22,
      1e100,
      1e300,
      std::numeric_limits<double>::max(),
      -std::numeric_limits<double>::max(),
      9.9999e-5,
      1e-5,
      -1e-5,
      1.2345e-7,
      1e-100,
      std::numeric_limits<double>::min(),
      std::numeric_limits<double>::denorm_min(),
      -std::numeric_limits<double>::denorm_min(),
      std::numeric_limits<double>::epsilon(),
  };
  for (const double number : numbers) {
    for (const std::optional<int> indent : k_indents) {
      JsonWriter writer(indent);
      writer.begin_array().value(number).end_array();
      const nlohmann::json parsed = nlohmann::json::parse(writer.text());
      ASSERT_TRUE(parsed.is_array()) << writer.text();
      ASSERT_EQ(parsed.size(), 1U) << writer.text();
      ASSERT_TRUE(parsed[0].is_number_float()) << writer.text() << " must stay a floating-point number";
      EXPECT_EQ(std::bit_cast<std::uint64_t>(parsed[0].get<double>()), std::bit_cast<std::uint64_t>(number))
          << number << " written as " << writer.text();
    }
  }
}

TEST(JsonWriter, EmptyContainers) {
  for (const std::optional<int> indent : k_indents) {
    JsonWriter object(indent);
    object.begin_object().end_object();
    EXPECT_EQ(object.text(), "{}") << indent_name(indent);
    JsonWriter array(indent);
    array.begin_array().end_array();
    EXPECT_EQ(array.text(), "[]") << indent_name(indent);
  }
  EXPECT_TRUE(same_text(Document::object()));
  EXPECT_TRUE(same_text(Document::array()));
  EXPECT_TRUE(same_text(Document::array({Document::object(), Document::array(), Document::object()})));
  Document document = Document::object();
  document["a"] = Document::object();
  document["b"] = Document::array();
  document["c"] = Document::array({Document::array()});
  EXPECT_TRUE(same_text(document));
}

TEST(JsonWriter, NestedObjectsAndArrays) {
  Document inner = Document::object();
  inner["name"] = "inner";
  inner["list"] = Document::array({1, 2.5, "three", nullptr, true, false});
  inner["empty"] = Document::object();
  Document document = Document::object();
  document["first"] = 1;
  document["inner"] = inner;
  document["arrays"] = Document::array({Document::array({1, 2}), Document::array(), Document::array({inner})});
  document["zeta"] = "last";
  document["alpha"] = "after zeta: members keep their order";
  EXPECT_TRUE(same_text(document));
  EXPECT_TRUE(same_text(Document::array({document, document})));
}

TEST(JsonWriter, IndentedTextSpelledOut) {
  JsonWriter writer(2);
  writer.begin_object().member("a", 1).key("b").begin_array().value("x").value(false).end_array();
  writer.key("c").begin_object().end_object().end_object();
  EXPECT_EQ(writer.text(), "{\n  \"a\": 1,\n  \"b\": [\n    \"x\",\n    false\n  ],\n  \"c\": {}\n}");
}

TEST(JsonWriter, Strings) {
  const std::vector<std::string> items = {"one", "", "two words", "\"quoted\"", "line\nbreak", "caf\xC3\xA9", "\x80"};
  const std::vector<std::vector<std::string>> lists = {{}, {"only"}, items};
  for (const std::vector<std::string>& list : lists) {
    for (const std::optional<int> indent : k_indents) {
      JsonWriter writer(indent);
      writer.begin_object().key("list").strings(list).key("after").strings(list).end_object();
      Document document = Document::object();
      document["list"] = list;
      document["after"] = list;
      EXPECT_EQ(writer.text(), dumped(document, indent)) << indent_name(indent);

      JsonWriter top(indent);
      top.strings(list);
      EXPECT_EQ(top.text(), dumped(Document(list), indent)) << indent_name(indent);

      JsonWriter in_array(indent);
      in_array.begin_array().value(1).strings(list).strings(list).end_array();
      EXPECT_EQ(in_array.text(), dumped(Document::array({1, list, list}), indent)) << indent_name(indent);
    }
  }
}

TEST(JsonWriter, MembersOfEveryKind) {
  for (const std::optional<int> indent : k_indents) {
    JsonWriter writer(indent);
    const std::string text = "a std::string";
    const std::string_view view = "a string_view";
    writer.begin_object()
        .member("string", text)
        .member("view", view)
        .member("literal", "a literal")
        .member("integer", 42)
        .member("negative", -42L)
        .member("size", std::size_t{7})
        .member("double", 2.5)
        .member("whole", 3.0)
        .member("yes", true)
        .member("no", false)
        .member("absent", std::optional<int>{})
        .member("present", std::optional<int>{5})
        .member("absent_text", std::optional<std::string>{})
        .member("present_text", std::optional<std::string>{"text"})
        .member("absent_double", std::optional<double>{})
        .member("present_double", std::optional<double>{0.25})
        .member("present_flag", std::optional<bool>{false});
    writer.key("null").null().end_object();

    Document document = Document::object();
    document["string"] = text;
    document["view"] = view;
    document["literal"] = "a literal";
    document["integer"] = 42;
    document["negative"] = -42L;
    document["size"] = std::size_t{7};
    document["double"] = 2.5;
    document["whole"] = 3.0;
    document["yes"] = true;
    document["no"] = false;
    document["absent"] = nullptr;
    document["present"] = 5;
    document["absent_text"] = nullptr;
    document["present_text"] = "text";
    document["absent_double"] = nullptr;
    document["present_double"] = 0.25;
    document["present_flag"] = false;
    document["null"] = nullptr;
    EXPECT_EQ(writer.text(), dumped(document, indent)) << indent_name(indent);
  }
}

TEST(JsonWriter, Identifiers) {
  for (const std::optional<int> indent : k_indents) {
    JsonWriter writer(indent);
    writer.begin_object().key("id").identifier("rule-id_1.2").key("ids").begin_array().identifier("a");
    writer.identifier("b.c").end_array().end_object();
    Document document = Document::object();
    document["id"] = "rule-id_1.2";
    document["ids"] = Document::array({"a", "b.c"});
    EXPECT_EQ(writer.text(), dumped(document, indent)) << indent_name(indent);
  }
}

TEST(JsonWriter, ScalarDocuments) {
  EXPECT_TRUE(same_text(Document(true)));
  EXPECT_TRUE(same_text(Document(false)));
  EXPECT_TRUE(same_text(Document(nullptr)));
  EXPECT_TRUE(same_text(Document::array({true, false, nullptr})));
  JsonWriter writer(2);
  writer.null();
  EXPECT_EQ(writer.text(), "null");
}

TEST(JsonWriter, JsonLines) {
  Document object = Document::object();
  object["line"] = 1;
  object["items"] = Document::array({"a", Document::object()});
  const std::vector<Document> documents = {
      object, Document::array({1, 2}), Document("text"), Document(3), Document(nullptr), Document::object(), object};
  for (const std::optional<int> indent : k_indents) {
    JsonWriter writer(indent);
    std::string expected;
    for (const Document& document : documents) {
      write_document(writer, document);
      writer.raw("\n");
      expected += dumped(document, indent) + "\n";
    }
    EXPECT_EQ(writer.text(), expected) << indent_name(indent);
    EXPECT_EQ(writer.size(), expected.size());
  }
}

TEST(JsonWriter, RewindDropsAHalfWrittenDocument) {
  Document first = Document::object();
  first["first"] = Document::array({1, "one"});
  Document last = Document::object();
  last["last"] = Document::array({Document::object(), 2});
  last["more"] = "text";

  // Ways a document may be cut short.
  const std::vector<std::pair<std::string, std::function<void(JsonWriter&)>>> halves = {
      {"after a key", [](JsonWriter& writer) { writer.begin_object().key("half"); }},
      {"after a member", [](JsonWriter& writer) { writer.begin_object().member("half", 1); }},
      {"in an empty array", [](JsonWriter& writer) { writer.begin_object().key("half").begin_array(); }},
      {"deep",
       [](JsonWriter& writer) {
         writer.begin_array().value(1).begin_object().key("a").begin_array().value("x").begin_object().key("b");
       }},
      {"after invalid UTF-8", [](JsonWriter& writer) { writer.begin_array().value("\x80").value(1); }},
      {"a top-level value", [](JsonWriter& writer) { writer.value("alone"); }},
      {"64 levels",
       [](JsonWriter& writer) {
         for (int level = 0; level < 64; ++level) {
           writer.begin_array().value(level);
         }
       }},
      {"too deep",
       [](JsonWriter& writer) {
         for (int level = 0; level < 64; ++level) {
           writer.begin_object().key("k");
         }
         EXPECT_THROW(writer.begin_object(), std::logic_error);
       }},
  };
  for (const auto& [name, half] : halves) {
    for (const std::optional<int> indent : k_indents) {
      JsonWriter writer(indent);
      write_document(writer, first);
      writer.raw("\n");
      const std::size_t between = writer.size();
      half(writer);
      writer.rewind(between);
      EXPECT_EQ(writer.size(), between);
      write_document(writer, last);
      writer.raw("\n");
      EXPECT_EQ(writer.text(), dumped(first, indent) + "\n" + dumped(last, indent) + "\n")
          << name << ", " << indent_name(indent);
    }
  }
}

TEST(JsonWriter, RewindPastTheEndKeepsEverything) {
  JsonWriter writer(std::nullopt);
  writer.begin_array().value(1).end_array().raw("\n");
  writer.rewind(1000);
  writer.begin_array().end_array();
  EXPECT_EQ(writer.text(), "[1]\n[]");
}

TEST(JsonWriter, Clear) {
  Document document = Document::object();
  document["a"] = Document::array({1, 2});
  for (const std::optional<int> indent : k_indents) {
    JsonWriter writer(indent);
    write_document(writer, document);
    writer.raw("\n");
    writer.clear();
    EXPECT_EQ(writer.text(), "");
    EXPECT_EQ(writer.size(), 0U);
    write_document(writer, document);
    EXPECT_EQ(writer.text(), dumped(document, indent)) << indent_name(indent);

    // Cleared in the middle of a document, after a key: nothing of it remains.
    writer.clear();
    writer.begin_object().key("x").begin_array().value(1);
    writer.clear();
    write_document(writer, document);
    EXPECT_EQ(writer.text(), dumped(document, indent)) << indent_name(indent);
  }
}

TEST(JsonWriter, SixtyFourLevels) {
  // As deep as the writer goes, with an item at every level before the next container, so the
  // has-items bit of every level (up to bit 63) is used.
  Document arrays = Document::array({0});
  Document objects = Document::object();
  for (int level = 1; level < 64; ++level) {
    arrays = Document::array({level, arrays, level});
    Document outer = Document::object();
    outer["n"] = level;
    outer["inner"] = objects;
    outer["after"] = level;
    objects = outer;
  }
  EXPECT_TRUE(same_text(arrays));
  EXPECT_TRUE(same_text(objects));
}

TEST(JsonWriter, MoreThanSixtyFourLevelsThrow) {
  for (const std::optional<int> indent : k_indents) {
    JsonWriter writer(indent);
    // Arrays and objects in turn, each object's member an array or an object.
    for (int level = 0; level < 64; ++level) {
      if (level % 2 == 0) {
        ASSERT_NO_THROW(writer.begin_array());
      } else {
        ASSERT_NO_THROW(writer.begin_object().key("k"));
      }
    }
    EXPECT_THROW(writer.begin_array(), std::logic_error) << indent_name(indent);
    EXPECT_THROW(writer.begin_object(), std::logic_error) << indent_name(indent);

    JsonWriter arrays(indent);
    for (int level = 0; level < 64; ++level) {
      arrays.begin_array();
    }
    EXPECT_THROW(arrays.begin_array(), std::logic_error) << indent_name(indent);
    // Still usable after clear().
    arrays.clear();
    arrays.begin_array().end_array();
    EXPECT_EQ(arrays.text(), "[]");
  }
}

/// Random text from a fixed seed: ASCII, escapes, valid UTF-8 and, now and then, invalid UTF-8.
std::string random_text(std::mt19937& random) {
  static const std::vector<std::string> pieces = {
      "a",
      "b",
      "z",
      "Q",
      "0",
      "9",
      " ",
      ".",
      "-",
      "_",
      "/",
      "\"",
      "\\",
      "\n",
      "\t",
      "\r",
      "\b",
      "\f",
      "\x01",
      "\x1f",
      "\x7f",
      "{",
      "}",
      "[",
      "]",
      ":",
      ",",
      "word",
      "two words",
      "\xC3\xA9",
      "\xE2\x82\xAC",
      "\xF0\x9F\x98\x80",
      "\xDF\xBF",
      "\xEF\xBF\xBF",
  };
  static const std::vector<std::string> invalid = {"\x80", "\xC3", "\xED\xA0\x80", "\xF5", "\xE2\x82", "\xFF"};
  std::uniform_int_distribution<std::size_t> length(0, 60);
  std::uniform_int_distribution<std::size_t> piece(0, pieces.size() - 1);
  std::uniform_int_distribution<std::size_t> bad(0, invalid.size() - 1);
  std::uniform_int_distribution<int> chance(0, 199);
  std::string text;
  for (std::size_t count = length(random); count > 0; --count) {
    text += chance(random) == 0 ? invalid[bad(random)] : pieces[piece(random)];
  }
  return text;
}

/// A few hundred members of every kind, written into `writer` and into the returned document.
Document random_document(JsonWriter& writer, std::uint32_t seed) {
  std::mt19937 random(seed);
  std::uniform_int_distribution<int> kind(0, 9);
  std::uniform_int_distribution<std::int64_t> integer(std::numeric_limits<std::int64_t>::min(),
                                                      std::numeric_limits<std::int64_t>::max());
  std::uniform_int_distribution<int> hundredths(-100000, 100000);
  std::uniform_int_distribution<std::size_t> count(0, 5);
  Document document = Document::object();
  writer.begin_object();
  for (int member = 0; member < 400; ++member) {
    const std::string name = "member_" + std::to_string(member);
    writer.key(name);
    Document& item = document[name];
    switch (kind(random)) {
    case 0:
    case 1:
    case 2: {
      const std::string text = random_text(random);
      writer.value(text);
      item = text;
      break;
    }
    case 3: {
      const std::int64_t number = integer(random);
      writer.value(number);
      item = number;
      break;
    }
    case 4: {
      const double number = hundredths(random) / 100.0;
      writer.value(number);
      item = number;
      break;
    }
    case 5: {
      const bool flag = (random() & 1U) != 0;
      writer.value(flag);
      item = flag;
      break;
    }
    case 6: {
      const std::optional<int> maybe =
          (random() & 1U) != 0 ? std::optional<int>(hundredths(random)) : std::optional<int>();
      writer.value(maybe);
      item = maybe ? Document(*maybe) : Document(nullptr);
      break;
    }
    case 7: {
      std::vector<std::string> list(count(random));
      for (std::string& text : list) {
        text = random_text(random);
      }
      writer.strings(list);
      item = list;
      break;
    }
    default: {
      item = Document::object();
      writer.begin_object();
      for (std::size_t inner = count(random); inner > 0; --inner) {
        const std::string inner_name = "inner_" + std::to_string(inner);
        const std::string text = random_text(random);
        writer.key(inner_name).begin_array().value(text).value(static_cast<std::int64_t>(inner)).end_array();
        item[inner_name] = Document::array({text, inner});
      }
      writer.end_object();
      break;
    }
    }
  }
  writer.end_object();
  return document;
}

TEST(JsonWriter, LargeRandomDocument) {
  for (const std::uint32_t seed : {1U, 42U, 20240611U}) {
    for (const std::optional<int> indent : k_indents) {
      JsonWriter writer(indent);
      const Document document = random_document(writer, seed);
      ASSERT_EQ(document.size(), 400U);
      const std::string expected = dumped(document, indent);
      EXPECT_EQ(writer.text(), expected) << "seed " << seed << ", " << indent_name(indent);
      if (writer.text() != expected) {
        // Point at the first difference rather than printing two long texts only.
        const auto [at, unused] =
            std::mismatch(expected.begin(), expected.end(), writer.text().begin(), writer.text().end());
        const auto offset = static_cast<std::size_t>(at - expected.begin());
        ADD_FAILURE() << "first difference at byte " << offset << ": nlohmann "
                      << testing::PrintToString(expected.substr(offset, 60)) << ", JsonWriter "
                      << testing::PrintToString(std::string(writer.text().substr(offset, 60)));
      }
    }
  }
}

} // namespace
} // namespace backrelief
