#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace backrelief::cli {

/// Splits RFC 4180 text into records, fed one line at a time: a quoted field may hold commas,
/// doubled quotes ("") and line breaks, so a record can take several lines. A carriage return
/// before a line feed is dropped (spreadsheets write CRLF), inside quotes too, so a line break in
/// a field reads as one line feed; a UTF-8 byte order mark before the first field is dropped.
class CsvRecordParser {
public:
  /// Adds one line, without its line feed. True when it completes a record: fields() holds it
  /// until the next call. False while a quoted field is still open.
  bool add_line(std::string_view line);

  [[nodiscard]] const std::vector<std::string>& fields() const { return m_fields; }
  /// What was wrong with the record just completed (a quote inside an unquoted field, text
  /// after a closing quote), at its first problem.
  [[nodiscard]] const std::optional<std::string>& problem() const { return m_problem; }
  /// True when the input ended inside a quoted field: the record never closed.
  [[nodiscard]] bool inside_quotes() const { return m_in_quotes; }
  /// How many lines the record just completed took.
  [[nodiscard]] std::size_t lines() const { return m_lines; }

private:
  void end_field();

  std::vector<std::string> m_fields;
  std::string m_field;
  std::optional<std::string> m_problem;
  bool m_in_quotes = false;
  bool m_after_quote = false; ///< the field's closing quote was read
  bool m_quoted = false;      ///< the field started with a quote
  bool m_first = true;        ///< the first line of the input: a byte order mark may start it
  bool m_done = true;         ///< the last call completed a record
  std::size_t m_lines = 0;
};

} // namespace backrelief::cli
