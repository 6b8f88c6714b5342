#pragma once

#include <CLI/CLI.hpp>
#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace backrelief::cli {

/// --batch and what it reads, as recommend and analyze share them.
struct BatchOptions {
  bool batch = false;
  std::optional<std::size_t> first_line; ///< --first-line: the number of the batch's first line
  std::string input_format = "json";     ///< --input: json (JSON Lines) or csv
  std::vector<std::string> columns;      ///< --column KEY=HEADER, for --input csv
};

/// Adds --batch (described by `batch_help`), --first-line, --input and --column to a command.
void add_batch_options(CLI::App& command, BatchOptions& options, const std::string& batch_help);

/// Refuses the options that make no sense together: --input, --column or --first-line without
/// --batch, --column without --input csv, --first-line with CSV, words beside --batch.
void check_batch_options(const BatchOptions& options, bool description_words);

/// The --column mappings as (key, header) pairs, each checked to be KEY=HEADER.
std::vector<std::pair<std::string, std::string>> column_mappings(const BatchOptions& options);

} // namespace backrelief::cli
