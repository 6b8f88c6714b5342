#include "cli/commands/commands.hpp"
#include "cli/commands/exit_status.hpp"
#include "cli/commands/recommend_batch.hpp"
#include "cli/commands/shipped_screen.hpp"
#include "cli/input/batch_options.hpp"
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
  BatchOptions batch;
  bool trace = false;
  bool no_header = false;
};

void check_combinations(const RecommendOptions& options) {
  if (rules_from_stdin(options.profile.rules) && (description_from_stdin(options.words) || options.batch.batch)) {
    throw Error(ErrorKind::invalid_input, "standard input can feed only one of --rules - (or '-' in "
                                          "BACKRELIEF_RULES), --batch and the description -");
  }
  check_batch_options(options.batch, !options.words.empty());
  const auto& format = options.profile.format;
  if (options.batch.batch && format == "text") {
    throw Error(ErrorKind::invalid_input, "--batch writes JSON Lines, or one row per person with --format csv or "
                                          "tsv: leave out --format text");
  }
  if (!options.batch.batch && format == "csv") {
    throw Error(ErrorKind::invalid_input, "--format csv writes one row per person of --batch: give --batch too, or "
                                          "use --format tsv or json for one answer");
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
  const Recommender recommender = load_chosen_recommender(options.profile.rules);
  const RuleSet& rules = *Internals::rules(recommender);
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
  const bool rows = settings.format == "tsv" || settings.format == "csv";
  if (options.no_header && !rows) {
    throw Error(ErrorKind::invalid_input, "--no-header is for --format tsv or csv");
  }
  if (options.why_not && rows) {
    throw Error(ErrorKind::invalid_input,
                fmt::format("--why-not explains in text or JSON: leave out --format {}", settings.format));
  }
  if (options.batch.batch) {
    if (options.trace && rows) {
      throw Error(ErrorKind::invalid_input, fmt::format("--trace shows every rule in JSON: one row per person has no "
                                                        "room for it, so leave out --format {}",
                                                        settings.format));
    }
    settings.input.year = this_year();
    BatchInput input;
    input.csv = options.batch.input_format == "csv";
    input.first_line = options.batch.first_line.value_or(1);
    input.columns = column_mappings(options.batch);
    std::optional<RowFormat> row_format;
    if (rows) {
      row_format = settings.format == "csv" ? RowFormat::csv : RowFormat::tsv;
    }
    status =
        run_recommend_batch(recommender, settings.input, output, why_not_technique, row_format, STDIN_FILENO, input);
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
  const Answer result =
      answer_from_options(recommender, settings.input, output.trace ? Tracing::every_rule : Tracing::off);
  const Profile& profile = Internals::state(result).profile;
  const Recommendation& recommendation = Internals::state(result).recommendation;
  std::optional<WhyNot> place;
  if (why_not_technique) {
    place = why_not(rules, profile, recommendation, *why_not_technique);
  }
  std::vector<WhyNot> ties;
  if (settings.format == "text" && !place) {
    ties = tie_breaks(rules, profile, recommendation);
  }
  const AnswerView answer{rules, profile, recommendation, place ? &*place : nullptr, &ties};
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
    if (!files_broken || options.batch.batch || options.words.empty()) {
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
  add_profile_options(*command, options->profile, {"text", "json", "tsv", "csv"});
  add_answer_option(*command, options->profile.person);
  add_batch_options(*command, options->batch,
                    "Read one JSON profile per line from standard input, write one JSON result per line (or with "
                    "--format csv or tsv, one row per person)");
  command->add_flag("--explain", options->explain, "Show every rule behind each score, exclusion and caution");
  command->add_flag("--trace", options->trace, "Show every rule evaluated, and why those that did not fire failed");
  command
      ->add_option("--why-not", options->why_not,
                   "Explain what keeps this technique down or out, and what change of preference would put it first")
      ->type_name("TECHNIQUE");
  command->add_flag("--no-header", options->no_header, "Leave out the header line of TSV or CSV");
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
