#include "cli/output/table_row.hpp"

#include "cli/output/tsv_field.hpp"

namespace backrelief::cli {

namespace {

void append_csv_field(std::string& out, std::string_view field) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
    out += field;
    return;
  }
  out += '"';
  for (const char c : field) {
    if (c == '"') {
      out += '"'; // RFC 4180: a quote inside a quoted field is doubled
    }
    out += c;
  }
  out += '"';
}

void append_field(std::string& out, std::string_view field, RowFormat format) {
  if (format == RowFormat::csv) {
    append_csv_field(out, field);
  } else {
    out += tsv_field(std::string(field));
  }
}

template <typename Field>
void append_fields(std::string& out, const std::vector<Field>& fields, RowFormat format) {
  const char separator = format == RowFormat::csv ? ',' : '\t';
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i != 0) {
      out += separator;
    }
    append_field(out, fields[i], format);
  }
  out += '\n';
}

} // namespace

void append_row(std::string& out, const std::vector<std::string>& fields, RowFormat format) {
  append_fields(out, fields, format);
}

void append_header(std::string& out, const std::vector<std::string_view>& names, RowFormat format) {
  append_fields(out, names, format);
}

} // namespace backrelief::cli
