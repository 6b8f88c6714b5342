#include "cli/commands/analyze_batch.hpp"
#include "cli/commands/commands.hpp"
#include "cli/commands/exit_status.hpp"
#include "cli/input/batch_options.hpp"
#include "cli/input/description.hpp"
#include "cli/input/format_option.hpp"
#include "cli/input/profile_options.hpp"
#include "cli/input/rule_options.hpp"
#include "cli/io/environment.hpp"
#include "cli/io/standard_output.hpp"
#include "cli/output/facts_output.hpp"
#include "core/engine/profile.hpp"

#include <algorithm>
#include <cstdio>
#include <fmt/format.h>
#include <memory>
#include <unistd.h>

namespace backrelief::cli {

namespace {

struct AnalyzeOptions {
  RuleOptions rules;
  std::vector<std::string> words;
  FormatOption format{""}; ///< "" until given: text for one description, JSON Lines for --batch
  BatchOptions batch;
  bool no_header = false;
};

void check_combinations(const AnalyzeOptions& options) {
  if ((description_from_stdin(options.words) || options.batch.batch) && rules_from_stdin(options.rules)) {
    throw Error(ErrorKind::invalid_input, "standard input can feed only one of --rules - (or '-' in "
                                          "BACKRELIEF_RULES), --batch and the description -");
  }
  check_batch_options(options.batch, !options.words.empty());
  const std::string& format = options.format.chosen();
  const bool rows = format == "csv" || format == "tsv";
  if (options.batch.batch && format == "text") {
    throw Error(ErrorKind::invalid_input, "--batch writes JSON Lines, or one row per person with --format csv or "
                                          "tsv: leave out --format text");
  }
  if (!options.batch.batch && rows) {
    throw Error(ErrorKind::invalid_input, fmt::format("--format {} writes one row per person of --batch: give "
                                                      "--batch too, or use --format json for one description",
                                                      format));
  }
  if (!options.batch.batch && options.words.empty()) {
    throw Error(ErrorKind::invalid_input, "missing DESCRIPTION: your pain in your own words ('-' reads standard "
                                          "input), or --batch to read one per line");
  }
  if (options.no_header && !rows) {
    throw Error(ErrorKind::invalid_input, "--no-header is for --format tsv or csv");
  }
}

int run_analyze(AnalyzeOptions& options) {
  if (options.format.format.empty()) {
    options.format.format = options.batch.batch ? "json" : "text";
  }
  check_combinations(options);
  const Recommender recommender = load_chosen_recommender(options.rules);
  if (options.batch.batch) {
    const std::string& format = options.format.chosen();
    std::optional<RowFormat> rows;
    if (format == "csv" || format == "tsv") {
      rows = format == "csv" ? RowFormat::csv : RowFormat::tsv;
    }
    BatchInput input;
    input.csv = options.batch.input_format == "csv";
    input.first_line = options.batch.first_line.value_or(1);
    input.columns = column_mappings(options.batch);
    return run_analyze_batch(recommender, this_year(), rows, !options.no_header, STDIN_FILENO, input);
  }
  ProfileInput input;
  input.description = read_description(options.words);
  if (input.description.find_first_not_of(" \t\r\n") == std::string::npos) {
    throw Error(ErrorKind::invalid_input, "no description given: put it after the options, or '-' to read it from "
                                          "standard input");
  }
  const Analysis analysis = recommender.analyze(std::move(input.description), this_year());
  const std::string text = options.format.chosen() == "json" ? analysis.to_json() + "\n"
                                                             : format_analysis_text(Internals::state(analysis).profile,
                                                                                    *Internals::rules(recommender));

  write_stdout(text);
  return k_exit_ok;
}

} // namespace

void set_analyze_command(CLI::App& app, int& status) {
  auto options = std::make_shared<AnalyzeOptions>();
  CLI::App* command =
      app.add_subcommand("analyze", "Show what is understood from a description: each fact, its words, negated or not");
  add_format_option(*command, options->format, {"text", "json", "tsv", "csv"});
  add_batch_options(*command, options->batch,
                    "Read one JSON line (a batch line of recommend) per person from standard input, write what was "
                    "understood from each as one JSON line (or with --format csv or tsv, one row per person)");
  command->add_flag("--no-header", options->no_header, "Leave out the header line of TSV or CSV");
  add_rule_options(*command, options->rules);
  command->add_option("description", options->words, "Your pain in your own words ('-' reads standard input)")
      ->type_name("DESCRIPTION");
  command->footer("Examples:\n"
                  "  backrelief analyze \"no numbness, knots under my right shoulder blade\"\n"
                  "  echo \"dull ache for 6 months, pain 6/10\" | backrelief analyze --json - | jq '.facts'\n"
                  "  backrelief analyze --batch --input csv --format csv < intake.csv > understood.csv");
  command->callback([options, &status] { status = run_analyze(*options); });
}

} // namespace backrelief::cli
