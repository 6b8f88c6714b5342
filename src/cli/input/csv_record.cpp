#include "cli/input/csv_record.hpp"

#include <fmt/format.h>

namespace backrelief::cli {

void CsvRecordParser::end_field() {
  m_fields.push_back(std::move(m_field));
  m_field.clear();
  m_quoted = false;
  m_after_quote = false;
}

bool CsvRecordParser::add_line(std::string_view line) {
  if (m_done) {
    m_fields.clear();
    m_problem.reset();
    m_lines = 0;
    m_done = false;
  }
  ++m_lines;
  if (m_first) {
    m_first = false;
    if (line.starts_with("\xEF\xBB\xBF")) {
      line.remove_prefix(3);
    }
  }
  if (line.ends_with('\r')) {
    line.remove_suffix(1); // CRLF, inside a quoted field too, is one line break
  }
  const auto note = [this](std::string message) {
    if (!m_problem) {
      m_problem = std::move(message);
    }
  };
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (m_in_quotes) {
      if (c != '"') {
        m_field += c;
      } else if (i + 1 < line.size() && line[i + 1] == '"') {
        m_field += '"';
        ++i;
      } else {
        m_in_quotes = false;
        m_after_quote = true;
      }
      continue;
    }
    if (c == ',') {
      end_field();
    } else if (c == '"' && m_field.empty() && !m_quoted && !m_after_quote) {
      m_in_quotes = true;
      m_quoted = true;
    } else if (m_after_quote) {
      note(fmt::format("text after the closing quote of field {}: a quoted field ends at its quote",
                       m_fields.size() + 1));
      m_field += c;
    } else {
      if (c == '"') {
        note(fmt::format("a quote inside field {}, which does not start with one: quote the whole field and double "
                         "the quote (\"\")",
                         m_fields.size() + 1));
      }
      m_field += c;
    }
  }
  if (m_in_quotes) {
    m_field += '\n';
    return false;
  }
  end_field();
  m_done = true;
  return true;
}

} // namespace backrelief::cli
