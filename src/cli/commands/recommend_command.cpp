#include "cli/commands/batch.hpp"
#include "cli/commands/commands.hpp"
#include "cli/commands/exit_status.hpp"
#include "cli/commands/shipped_screen.hpp"
#include "cli/input/choice.hpp"
#include "cli/input/decimal_number.hpp"
#include "cli/input/description.hpp"
#include "cli/input/profile_options.hpp"
#include "cli/input/rule_options.hpp"
#include "cli/input/settings.hpp"
#include "cli/io/environment.hpp"
#include "cli/io/standard_output.hpp"
#include "cli/io/terminal.hpp"
#include "cli/output/output.hpp"
#include "cli/output/text_wrap.hpp"
#include "core/engine/profile.hpp"
#include "core/engine/recommendation.hpp"
#include "core/rules/rule_set.hpp"
#include "core/util/edit_distance.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <functional>
#include <memory>
#include <sstream>
#include <unistd.h>

namespace backrelief::cli {

namespace {

struct RecommendOptions {
  ProfileOptions profile;
  std::vector<std::string> words;
  std::optional<std::string> why_not;
  bool explain = false;
  bool batch = false;
  std::optional<std::size_t> first_line; ///< --first-line: the number of the batch's first line
  std::string input_format = "json";     ///< --input: what --batch reads
  std::vector<std::string> columns;      ///< --column KEY=HEADER, for --input csv
  bool trace = false;
  bool no_header = false;
};

void check_combinations(const RecommendOptions& options) {
  if (rules_from_stdin(options.profile.rules) && (description_from_stdin(options.words) || options.batch)) {
    throw Error(ErrorKind::invalid_input, "standard input can feed only one of --rules - (or '-' in "
                                          "BACKRELIEF_RULES), --batch and the description -");
  }
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
  if (options.batch && !options.words.empty()) {
    throw Error(ErrorKind::invalid_input, "--batch reads every description from standard input: leave out the "
                                          "DESCRIPTION words");
  }
  const auto& format = options.profile.format;
  if (options.batch && format && *format != "json") {
    throw Error(ErrorKind::invalid_input, "--batch writes JSON Lines: leave out --format or use --format json");
  }
}

// "-g relaxation mobility": CLI11 gives a repeatable option one value, so "mobility" would stand
// as the description and say nothing. A description made only of values of an option the person
// also gave is such a slip: refused, with the ways to give both.
void check_stray_values(const RecommendOptions& options, const RuleSet& rules) {
  if (options.words.empty() || options.words.front() == "-") {
    return;
  }
  std::vector<std::string> words;
  for (const std::string& argument : options.words) {
    std::istringstream split(argument);
    for (std::string word; split >> word;) {
      words.push_back(word);
    }
  }
  const ProfileInput& given = options.profile.person;
  struct Kind {
    const char* option;
    const std::vector<std::string>& values;
    std::function<bool(const std::string&)> known;
  };
  const std::array<Kind, 4> kinds{{
      {"--goal", given.goals,
       [&](const std::string& w) { return rules.find_concept(ConceptKind::goal, w).has_value(); }},
      {"--area", given.areas,
       [&](const std::string& w) { return rules.find_concept(ConceptKind::area, w).has_value(); }},
      {"--condition", given.conditions,
       [&](const std::string& w) { return rules.find_concept(ConceptKind::condition, w).has_value(); }},
      {"--avoid", given.avoid, [&](const std::string& w) { return rules.find_technique(w).has_value(); }},
  }};
  for (const Kind& kind : kinds) {
    if (!kind.values.empty() && !words.empty() && std::all_of(words.begin(), words.end(), kind.known)) {
      throw Error(ErrorKind::invalid_input,
                  fmt::format("'{}' stands where the description goes, after {} {}: to give more than one, repeat "
                              "the option ({} {} {} {}) or join them with commas ({} {},{}); a description needs "
                              "words of its own",
                              fmt::join(words, " "), kind.option, kind.values.back(), kind.option, kind.values.back(),
                              kind.option, words.front(), kind.option, kind.values.back(), words.front()));
    }
  }
}

TechniqueId technique_named(const RuleSet& rules, const std::string& name) {
  if (auto id = rules.find_technique(name)) {
    return *id;
  }
  throw Error(ErrorKind::invalid_input,
              fmt::format("--why-not: unknown technique '{}'{}", name, did_you_mean(name, rules.technique_names())));
}

// Nothing given at all: no description, preference, fact or answer, from the options or the
// config file.
bool nothing_known(const ProfileInput& input) {
  return input.description.empty() && !input.pressure && input.goals.empty() && input.areas.empty() &&
         input.conditions.empty() && input.avoid.empty() && !input.age && !input.duration && !input.intensity &&
         input.answers.empty();
}

int status_of(const Recommendation& recommendation) {
  if (recommendation.stopped_by_referral()) {
    return k_exit_referral;
  }
  if (recommendation.answer_first) {
    return k_exit_answer_first;
  }
  return recommendation.suggestions.empty() ? k_exit_nothing_fits : k_exit_ok;
}

// Sets `status` before writing, so a reader that goes away early (| head -1) still gets it.
void recommend_as_chosen(RecommendOptions& options, int& status) {
  const SettingsEnvironment environment = SettingsEnvironment::current();
  const ConfigFileChoice config_file = choose_config_file(options.profile, environment);
  const std::optional<UserConfig> config = read_config_file(config_file);
  const RuleSet rules = load_chosen_rules(options.profile.rules);
  check_stray_values(options, rules);
  Settings settings = resolve_settings(options.profile, config_file, config, environment, rules);

  OutputOptions output;
  output.explain = options.explain;
  output.trace = options.trace;
  output.top = settings.top;
  output.tsv_header = !options.no_header;
  std::optional<TechniqueId> why_not_technique;
  if (options.why_not) {
    why_not_technique = technique_named(rules, *options.why_not);
  }
  if (options.no_header && settings.format != "tsv") {
    throw Error(ErrorKind::invalid_input, "--no-header is for --format tsv");
  }
  if (options.why_not && settings.format == "tsv") {
    throw Error(ErrorKind::invalid_input, "--why-not explains in text or JSON: leave out --format tsv");
  }
  if (options.batch) {
    if (settings.format == "tsv") {
      throw Error(ErrorKind::invalid_input, "--batch writes JSON Lines, but the config file asks for tsv: "
                                            "use --format json");
    }
    settings.input.year = this_year();
    BatchInput input;
    input.csv = options.input_format == "csv";
    for (const std::string& column : options.columns) {
      const std::size_t equals = column.find('=');
      if (equals == std::string::npos || equals == 0 || equals + 1 == column.size()) {
        throw Error(ErrorKind::invalid_input,
                    fmt::format("--column '{}': expected KEY=HEADER, as in --column description=Notes", column));
      }
      input.columns.emplace_back(column.substr(0, equals), column.substr(equals + 1));
    }
    status = run_batch(rules, settings.input, output, why_not_technique, STDIN_FILENO, options.first_line.value_or(1),
                       input);
    return;
  }
  settings.input.description = read_description(options.words);
  if (!why_not_technique && nothing_known(settings.input) && isatty(STDIN_FILENO) != 0 && isatty(STDOUT_FILENO) != 0) {
    // Four ties would say nothing; a person at a terminal is better helped by the interview.
    write_stdout("Nothing is known about you yet, so every technique would rank the same.\n"
                 "  Answer a few questions:   backrelief ask\n"
                 "  Or describe the pain:     backrelief recommend \"dull ache low in my back after sitting\"\n"
                 "  Or give a preference:     backrelief recommend --pressure low\n");
    return;
  }
  const Profile profile = make_profile_from_options(settings.input, rules);
  const Recommendation recommendation = recommend(rules, profile, output.trace ? Tracing::every_rule : Tracing::off);
  std::optional<WhyNot> place;
  if (why_not_technique) {
    place = why_not(rules, profile, recommendation, *why_not_technique);
  }
  std::vector<WhyNot> ties;
  if (settings.format == "text" && !place) {
    ties = tie_breaks(rules, profile, recommendation);
  }
  const Answer answer{rules, profile, recommendation, place ? &*place : nullptr, &ties};
  const std::string text = format_for_stdout(answer, output, settings.format, settings.color);
  status = status_of(recommendation);
  write_stdout(text);
}

void run_recommend(RecommendOptions& options, int& status) {
  check_combinations(options);
  try {
    recommend_as_chosen(options, status);
  } catch (const Error& error) {
    // A broken rule or config file stops the run, but not before the shipped red flags have
    // read the description: an emergency must not hide behind a typo in rules.d.
    const bool files_broken = error.kind() == ErrorKind::invalid_rules || error.kind() == ErrorKind::invalid_config;
    if (!files_broken || options.batch || options.words.empty()) {
      throw;
    }
    const auto referral = screen_despite(error, options.profile, read_description(options.words));
    if (!referral) {
      throw;
    }
    status = *referral;
  }
}

} // namespace

void set_recommend_command(CLI::App& app, int& status) {
  auto options = std::make_shared<RecommendOptions>();
  CLI::App* command = app.add_subcommand("recommend", "Rank the massage techniques for one person");
  add_profile_options(*command, options->profile);
  add_answer_option(*command, options->profile.person);
  command->add_flag("--batch", options->batch,
                    "Read one JSON profile per line from standard input, write one JSON result per line");
  command
      ->add_option("--first-line", options->first_line,
                   "With --batch: the number of the first input line (1 to 10^15), for a part of a larger file, "
                   "as GNU parallel's --pipe cuts it")
      ->type_name("N")
      ->transform(decimal_number("a whole number from 1 to 1000000000000000", false, 1, 1000000000000000ULL));
  command
      ->add_option("--input", options->input_format,
                   "With --batch: what standard input holds, json (JSON Lines) or csv")
      ->type_name("FORMAT")
      ->transform(choice({"json", "csv"}));
  command
      ->add_option("--column", options->columns,
                   "With --input csv: the column that gives a key, as KEY=HEADER (repeatable); by default a column "
                   "gives the key its header names")
      ->type_name("KEY=HEADER")
      ->allow_extra_args(false);
  command->add_flag("--explain", options->explain, "Show every rule behind each score, exclusion and caution");
  command->add_flag("--trace", options->trace, "Show every rule evaluated, and why those that did not fire failed");
  command
      ->add_option("--why-not", options->why_not,
                   "Explain what keeps this technique down or out, and what change of preference would put it first")
      ->type_name("TECHNIQUE");
  command->add_flag("--no-header", options->no_header, "Leave out the TSV header line");
  command->add_option("description", options->words, "Your pain in your own words ('-' reads standard input)")
      ->type_name("DESCRIPTION");
  command->footer("Examples:\n"
                  "  backrelief recommend --pressure low\n"
                  "  backrelief recommend -p firm -c blood-thinners --explain\n"
                  "  backrelief recommend -p low --why-not deep-tissue\n"
                  "  backrelief recommend --json --goal mobility | jq -r '.suggestions[0].technique'");
  command->callback([options, &status] { run_recommend(*options, status); });
}

} // namespace backrelief::cli
