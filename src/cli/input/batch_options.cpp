#include "cli/input/batch_options.hpp"

#include "cli/input/choice.hpp"
#include "cli/input/decimal_number.hpp"
#include "core/util/diagnostic.hpp"

#include <fmt/format.h>

namespace backrelief::cli {

void add_batch_options(CLI::App& command, BatchOptions& options, const std::string& batch_help) {
  command.add_flag("--batch", options.batch, batch_help);
  command
      .add_option("--first-line", options.first_line,
                  "With --batch: the number of the first input line (1 to 10^15), for a part of a larger file, "
                  "as GNU parallel's --pipe cuts it")
      ->type_name("N")
      ->transform(decimal_number("a whole number from 1 to 1000000000000000", false, 1, 1000000000000000ULL));
  command
      .add_option("--input", options.input_format, "With --batch: what standard input holds, json (JSON Lines) or csv")
      ->type_name("FORMAT")
      ->transform(choice({"json", "csv"}));
  command
      .add_option("--column", options.columns,
                  "With --input csv: the column that gives a key, as KEY=HEADER (repeatable); by default a column "
                  "gives the key its header names")
      ->type_name("KEY=HEADER")
      ->allow_extra_args(false);
}

void check_batch_options(const BatchOptions& options, bool description_words) {
  if ((options.input_format != "json" || !options.columns.empty()) && !options.batch) {
    throw Error(ErrorKind::invalid_input, "--input and --column say what --batch reads: give --batch too");
  }
  if (!options.columns.empty() && options.input_format != "csv") {
    throw Error(ErrorKind::invalid_input, "--column maps the columns of a CSV file: give --input csv too");
  }
  if (options.first_line && options.input_format == "csv") {
    throw Error(ErrorKind::invalid_input, "--first-line is for JSON Lines: CSV rows are numbered from the header row");
  }
  if (options.first_line && !options.batch) {
    throw Error(ErrorKind::invalid_input, "--first-line numbers the lines of --batch: give --batch too");
  }
  if (options.batch && description_words) {
    throw Error(ErrorKind::invalid_input, "--batch reads every description from standard input: leave out the "
                                          "DESCRIPTION words");
  }
}

std::vector<std::pair<std::string, std::string>> column_mappings(const BatchOptions& options) {
  std::vector<std::pair<std::string, std::string>> mappings;
  for (const std::string& column : options.columns) {
    const std::size_t equals = column.find('=');
    if (equals == std::string::npos || equals == 0 || equals + 1 == column.size()) {
      throw Error(ErrorKind::invalid_input,
                  fmt::format("--column '{}': expected KEY=HEADER, as in --column description=Notes", column));
    }
    mappings.emplace_back(column.substr(0, equals), column.substr(equals + 1));
  }
  return mappings;
}

} // namespace backrelief::cli
