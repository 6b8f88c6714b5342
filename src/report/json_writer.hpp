#pragma once

#include <algorithm>
#include <cassert>
#include <concepts>
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace backrelief {

/// Writes JSON text straight into its own buffer, without building a tree first: a batch writes
/// a document per profile, and building and freeing nlohmann's tree was most of its time.
/// The text is the same as nlohmann::ordered_json::dump (indent or compact, UTF-8 kept as it is,
/// invalid UTF-8 replaced by U+FFFD), which tests/unit/json_writer_test.cpp checks, except that
/// a double is always written in its shortest form that reads back as the same number (fmt's
/// Dragonbox), where nlohmann's Grisu2 now and then writes a digit more (54.399999999999046 for
/// 54.39999999999905); whole numbers and short decimals are written alike.
/// The caller keeps members in order; the writer places commas, colons and indentation. One
/// writer may hold many documents, one after another (JSON Lines): end each with raw("\n").
class JsonWriter {
public:
  /// `indent` spaces per level, or std::nullopt for documents on one line.
  explicit JsonWriter(std::optional<int> indent);

  JsonWriter& begin_object() { return open('{'); }
  JsonWriter& end_object() { return close('}'); }
  JsonWriter& begin_array() { return open('['); }
  JsonWriter& end_array() { return close(']'); }

  /// The next member's name, which must need no escaping (backrelief's own names: letters,
  /// digits, '_'); a value or a container must follow.
  JsonWriter& key(std::string_view name) {
    before_value();
    reserve(name.size() + 4);
    put('"');
    put(name);
    put(m_indent ? std::string_view("\": ") : std::string_view("\":"));
    m_after_key = true;
    return *this;
  }

  JsonWriter& value(std::string_view text);

  /// A rule, concept or technique id as a string: the rule loader allows only letters, digits,
  /// '-', '_' and '.' in them, so they are copied without looking for bytes to escape.
  JsonWriter& identifier(std::string_view id) {
    assert(std::all_of(id.begin(), id.end(), [](char c) { return c > ' ' && c < 0x7F && c != '"' && c != '\\'; }));
    before_value();
    reserve(id.size() + 2);
    put('"');
    put(id);
    put('"');
    return *this;
  }
  JsonWriter& value(const char* text) { return value(std::string_view(text)); }
  JsonWriter& value(const std::string& text) { return value(std::string_view(text)); }
  // Each word's length is known here: a literal chosen at run time would cost a strlen.
  JsonWriter& value(bool flag) {
    return flag ? literal(std::string_view("true", 4)) : literal(std::string_view("false", 5));
  }
  JsonWriter& value(double number);
  JsonWriter& value(std::int64_t number);
  JsonWriter& value(std::uint64_t number);
  template <std::integral T>
  requires(!std::same_as<T, bool>) JsonWriter& value(T number) {
    if constexpr (std::is_signed_v<T>) {
      return value(static_cast<std::int64_t>(number));
    } else {
      return value(static_cast<std::uint64_t>(number));
    }
  }
  template <typename T>
  JsonWriter& value(const std::optional<T>& maybe) {
    return maybe ? value(*maybe) : null();
  }
  JsonWriter& null() { return literal("null"); }

  /// A value given as JSON text already, written as it is: the caller vouches that it is valid,
  /// compact JSON (a batch line's `id` or `meta`, as nlohmann wrote it back).
  JsonWriter& json_text(std::string_view valid_json) { return literal(valid_json); }

  /// A list of strings, on one level.
  JsonWriter& strings(const std::vector<std::string>& items);

  template <typename T>
  JsonWriter& member(std::string_view name, const T& item) {
    key(name);
    return value(item);
  }

  /// Text outside any document, such as the newline after one.
  JsonWriter& raw(std::string_view text) {
    reserve(text.size());
    put(text);
    return *this;
  }

  /// Everything written since the last clear().
  [[nodiscard]] std::string_view text() const { return {m_data.get(), m_size}; }
  [[nodiscard]] std::size_t size() const { return m_size; }
  void clear() { rewind(0); }

  /// Drops what was written after the first `size` bytes, a point between documents: a document
  /// cut short by an error leaves nothing behind.
  void rewind(std::size_t size) {
    m_size = std::min(size, m_size);
    m_depth = 0;
    m_has_items = 0;
    m_after_key = false;
  }

private:
  static constexpr std::size_t k_max_depth = 64;

  // Callers reserve() first, so the hot path is a copy with no check.
  void put(char c) { m_data[m_size++] = c; }
  void put(std::string_view text) {
    if (!text.empty()) { // an empty view may hold a null pointer, which memcpy may not be given
      std::memcpy(m_data.get() + m_size, text.data(), text.size());
      m_size += text.size();
    }
  }
  void reserve(std::size_t more) {
    if (m_capacity - m_size < more) {
      grow(more);
    }
  }
  void grow(std::size_t more);

  void before_value() {
    if (m_after_key) {
      m_after_key = false;
      return;
    }
    if (m_depth > 0) {
      const std::uint64_t bit = std::uint64_t{1} << (m_depth - 1);
      reserve(1);
      if ((m_has_items & bit) != 0) {
        put(',');
      }
      m_has_items |= bit;
      new_line(m_depth);
    }
  }
  void new_line(std::size_t depth);
  JsonWriter& literal(std::string_view word) {
    before_value();
    reserve(word.size());
    put(word);
    return *this;
  }
  JsonWriter& open(char bracket);
  JsonWriter& close(char bracket);
  void escaped(std::string_view text);
  void write_hundredths(std::int64_t hundredths, bool negative);
  template <typename Number>
  void put_number(Number number); // digits as fmt writes them: shortest for a double

  std::unique_ptr<char[]> m_data; // NOLINT(*-avoid-c-arrays): a buffer that is never zeroed
  std::size_t m_size = 0;
  std::size_t m_capacity = 0;
  std::optional<int> m_indent;
  std::uint64_t m_has_items = 0; ///< bit n: the container open at depth n + 1 has had an item
  std::size_t m_depth = 0;       ///< containers open
  bool m_after_key = false;
};

} // namespace backrelief
