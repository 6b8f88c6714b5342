#include "report/json_writer.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <fmt/compile.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace backrelief {

namespace {

constexpr std::uint64_t k_ones = 0x0101010101010101U;
constexpr std::uint64_t k_high_bits = 0x8080808080808080U;

constexpr std::uint64_t has_zero_byte(std::uint64_t word) {
  return (word - k_ones) & ~word & k_high_bits;
}

// True when any of the 8 bytes needs more than a copy: a control byte, '"', '\\' or a byte of a
// multi-byte UTF-8 sequence (which must be checked). Most of every document is plain ASCII prose
// from the rules, so testing 8 bytes at once pays.
constexpr bool needs_care(std::uint64_t word) {
  constexpr std::uint64_t k_quotes = k_ones * '"';
  constexpr std::uint64_t k_backslashes = k_ones * '\\';
  constexpr std::uint64_t k_spaces = k_ones * 0x20;
  return ((word - k_spaces) & ~word & k_high_bits) != 0 || has_zero_byte(word ^ k_quotes) != 0 ||
         has_zero_byte(word ^ k_backslashes) != 0 || (word & k_high_bits) != 0;
}

// The length of the well-formed UTF-8 sequence at text[at] (Unicode 15, table 3-7), or 0.
std::size_t utf8_sequence_length(std::string_view text, std::size_t at) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[at + i]); };
  const auto continuation = [&](std::size_t i, unsigned char low = 0x80, unsigned char high = 0xBF) {
    return at + i < text.size() && byte(i) >= low && byte(i) <= high;
  };
  const unsigned char lead = byte(0);
  if (lead >= 0xC2 && lead <= 0xDF) {
    return continuation(1) ? 2 : 0;
  }
  if (lead >= 0xE0 && lead <= 0xEF) {
    const unsigned char low = lead == 0xE0 ? 0xA0 : 0x80;
    const unsigned char high = lead == 0xED ? 0x9F : 0xBF;
    return continuation(1, low, high) && continuation(2) ? 3 : 0;
  }
  if (lead >= 0xF0 && lead <= 0xF4) {
    const unsigned char low = lead == 0xF0 ? 0x90 : 0x80;
    const unsigned char high = lead == 0xF4 ? 0x8F : 0xBF;
    return continuation(1, low, high) && continuation(2) && continuation(3) ? 4 : 0;
  }
  return 0;
}

// "\u0000" to "\u001f", as nlohmann writes control bytes that have no short escape.
constexpr auto k_control_escapes = [] {
  std::array<std::array<char, 6>, 0x20> table{};
  constexpr std::string_view k_hex = "0123456789abcdef";
  for (std::size_t byte = 0; byte < table.size(); ++byte) {
    table.at(byte) = {'\\', 'u', '0', '0', k_hex[byte >> 4U], k_hex[byte & 0xFU]};
  }
  return table;
}();

// The escape of a byte below 0x20, '"' or '\\', as nlohmann writes it.
std::string_view escape_of(unsigned char byte) {
  switch (byte) {
  case '"':
    return R"(\")";
  case '\\':
    return R"(\\)";
  case '\b':
    return R"(\b)";
  case '\f':
    return R"(\f)";
  case '\n':
    return R"(\n)";
  case '\r':
    return R"(\r)";
  case '\t':
    return R"(\t)";
  default:
    return {k_control_escapes.at(byte).data(), k_control_escapes.at(byte).size()};
  }
}

} // namespace

JsonWriter::JsonWriter(std::optional<int> indent) : m_indent(indent) {}

void JsonWriter::grow(std::size_t more) {
  const std::size_t capacity = std::max({m_capacity * 2, m_size + more, std::size_t{4096}});
  auto data = std::make_unique_for_overwrite<char[]>(capacity); // NOLINT(*-avoid-c-arrays)
  if (m_size > 0) {
    std::memcpy(data.get(), m_data.get(), m_size);
  }
  m_data = std::move(data);
  m_capacity = capacity;
}

void JsonWriter::new_line(std::size_t depth) {
  if (m_indent) {
    const std::size_t spaces = depth * static_cast<std::size_t>(*m_indent);
    reserve(spaces + 1);
    put('\n');
    std::memset(m_data.get() + m_size, ' ', spaces);
    m_size += spaces;
  }
}

JsonWriter& JsonWriter::open(char bracket) {
  before_value();
  if (m_depth == k_max_depth) {
    throw std::logic_error("JsonWriter: more than 64 levels"); // backrelief's documents have 6
  }
  reserve(1);
  put(bracket);
  ++m_depth;
  m_has_items &= ~(std::uint64_t{1} << (m_depth - 1));
  return *this;
}

JsonWriter& JsonWriter::close(char bracket) {
  const bool had_items = (m_has_items & (std::uint64_t{1} << (m_depth - 1))) != 0;
  --m_depth;
  if (had_items) {
    new_line(m_depth);
  }
  reserve(1);
  put(bracket);
  return *this;
}

// Escapes `text` as a JSON string, quotes included. Invalid UTF-8 (a description may hold any
// bytes) is left to nlohmann, so its replacement characters come out exactly as nlohmann's.
void JsonWriter::escaped(std::string_view text) {
  const std::size_t start = m_size;
  reserve(text.size() + 2);
  put('"');
  std::size_t plain_from = 0;
  std::size_t at = 0;
  while (at < text.size()) {
    if (text.size() - at >= sizeof(std::uint64_t)) {
      std::uint64_t word = 0;
      std::memcpy(&word, text.data() + at, sizeof word);
      if (!needs_care(word)) {
        at += sizeof word;
        continue;
      }
    }
    const auto byte = static_cast<unsigned char>(text[at]);
    if (byte >= 0x80) {
      const std::size_t length = utf8_sequence_length(text, at);
      if (length == 0) {
        m_size = start;
        raw(nlohmann::json(std::string(text)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
        return;
      }
      at += length;
      continue;
    }
    if (byte >= 0x20 && byte != '"' && byte != '\\') {
      ++at;
      continue;
    }
    put(text.substr(plain_from, at - plain_from));
    const std::string_view escape = escape_of(byte);
    reserve(escape.size() + (text.size() - at) + 1);
    put(escape);
    plain_from = ++at;
  }
  put(text.substr(plain_from));
  put('"');
}

JsonWriter& JsonWriter::value(std::string_view text) {
  before_value();
  escaped(text);
  return *this;
}

template <typename Number>
void JsonWriter::put_number(Number number) {
  constexpr std::size_t k_longest = 32; // "-1.7976931348623157e+308" and every integer fit
  reserve(k_longest);
  char* end = fmt::format_to(m_data.get() + m_size, FMT_COMPILE("{}"), number);
  m_size = static_cast<std::size_t>(end - m_data.get());
}

JsonWriter& JsonWriter::value(std::int64_t number) {
  before_value();
  put_number(number);
  return *this;
}

JsonWriter& JsonWriter::value(std::uint64_t number) {
  before_value();
  put_number(number);
  return *this;
}

JsonWriter& JsonWriter::value(double number) {
  if (!std::isfinite(number)) {
    return null(); // as nlohmann writes them: JSON has no infinity or NaN
  }
  before_value();
  reserve(32);
  // Scores and weights are mostly short decimals (2.5, -1.25): when the number is the double
  // nearest to a whole number of hundredths, those digits are its shortest form, written here
  // without the general algorithm.
  constexpr double k_hundred = 100.0;
  constexpr double k_fast_limit = 1e7;
  if (std::abs(number) < k_fast_limit) {
    const auto hundredths = static_cast<std::int64_t>(std::llround(number * k_hundred));
    if (static_cast<double>(hundredths) / k_hundred == number) {
      write_hundredths(hundredths, std::signbit(number));
      return *this;
    }
  }
  const std::size_t start = m_size;
  put_number(number);
  // A whole number stays recognisably a floating-point one, as nlohmann writes it: 5.0, not 5.
  if (text().substr(start).find_first_of(".e") == std::string_view::npos) {
    put(".0");
  }
  return *this;
}

void JsonWriter::write_hundredths(std::int64_t hundredths, bool negative) {
  constexpr std::int64_t k_hundred = 100;
  constexpr std::int64_t k_ten = 10;
  if (negative) {
    put('-'); // also for -0.0, as nlohmann writes it
  }
  const std::int64_t magnitude = hundredths < 0 ? -hundredths : hundredths;
  put_number(magnitude / k_hundred);
  reserve(3);
  put('.');
  const std::int64_t fraction = magnitude % k_hundred;
  put(static_cast<char>('0' + fraction / k_ten));
  if (fraction % k_ten != 0) {
    put(static_cast<char>('0' + fraction % k_ten));
  }
}

JsonWriter& JsonWriter::strings(const std::vector<std::string>& items) {
  begin_array();
  for (const std::string& item : items) {
    value(item);
  }
  return end_array();
}

} // namespace backrelief
