#include "backrelief/profile.hpp"
#include "backrelief/recommendation.hpp"
#include "cli/batch.hpp"
#include "cli/choice.hpp"
#include "cli/commands.hpp"
#include "cli/description.hpp"
#include "cli/exit_status.hpp"
#include "cli/output.hpp"
#include "cli/rule_paths.hpp"

#include <algorithm>
#include <cstdio>
#include <fmt/format.h>
#include <iostream>
#include <iterator>
#include <map>
#include <memory>
#include <sstream>

namespace backrelief::cli {

namespace {

enum class Format { text, json, tsv };

struct RecommendOptions {
  RuleOptions rules;
  ProfileInput input;
  std::vector<std::string> words;
  std::optional<std::string> pressure;
  std::optional<int> age;
  std::optional<std::string> duration;
  std::optional<std::size_t> top;
  std::string format = "text";
  bool json = false;
  bool explain = false;
  bool batch = false;
  bool trace = false;
  std::string color = "auto";
};

Format format_named(std::string_view name) {
  return name == "json" ? Format::json : name == "tsv" ? Format::tsv : Format::text;
}

ColorMode color_mode_named(std::string_view name) {
  return name == "always" ? ColorMode::always : name == "never" ? ColorMode::never : ColorMode::automatic;
}

int run_recommend(RecommendOptions& options) {
  const bool rules_from_stdin =
      std::find(options.rules.paths.begin(), options.rules.paths.end(), "-") != options.rules.paths.end();
  if (rules_from_stdin && (description_from_stdin(options.words) || options.batch)) {
    throw Error(ErrorKind::invalid_input, "standard input can feed only one of --rules -, --batch and the "
                                          "description -");
  }
  if (options.batch && !options.words.empty()) {
    throw Error(ErrorKind::invalid_input, "--batch reads every description from standard input: leave out the "
                                          "DESCRIPTION words");
  }
  if (options.batch && !options.json && options.format != "text" && options.format != "json") {
    throw Error(ErrorKind::invalid_input, "--batch writes JSON Lines: leave out --format or use --format json");
  }
  const RuleSet rules = load_rule_set(rule_paths(options.rules));
  options.input.pressure = options.pressure;
  options.input.age = options.age;
  options.input.duration = options.duration;

  OutputOptions output;
  output.explain = options.explain;
  output.trace = options.trace;
  output.top = options.top;
  if (options.batch) {
    return run_batch(rules, options.input, output, stdin, stdout);
  }
  options.input.description = read_description(options.words);
  const Profile profile = make_profile(options.input, rules);
  const Recommendation recommendation = recommend(rules, profile);
  const Format format = options.json ? Format::json : format_named(options.format);
  output.palette =
      format == Format::text ? Palette::choose(color_mode_named(options.color), stdout) : Palette::no_color();
  const Answer answer{rules, profile, recommendation};
  const std::string text = format == Format::json  ? format_json(answer, output)
                           : format == Format::tsv ? format_tsv(answer, output)
                                                   : format_text(answer, output);
  std::fwrite(text.data(), 1, text.size(), stdout);

  if (recommendation.stopped_by_referral()) {
    return k_exit_referral;
  }
  return recommendation.suggestions.empty() ? k_exit_nothing_fits : k_exit_ok;
}

} // namespace

void set_recommend_command(CLI::App& app, int& status) {
  auto options = std::make_shared<RecommendOptions>();
  CLI::App* command = app.add_subcommand("recommend", "Rank the massage techniques for one person");
  command
      ->add_option("-p,--pressure", options->pressure,
                   "Preferred pressure: low, medium or firm (also light, moderate, deep, hard, high)")
      ->type_name("LEVEL");
  command
      ->add_option("-g,--goal", options->input.goals, "What you want most: relief, relaxation, mobility (repeatable)")
      ->type_name("GOAL")
      ->allow_extra_args(false);
  command
      ->add_option("-a,--area", options->input.areas,
                   "Where it hurts: lower-back, upper-back, neck, shoulders, hips (repeatable)")
      ->type_name("AREA")
      ->allow_extra_args(false);
  command
      ->add_option("-c,--condition", options->input.conditions,
                   "A health condition, e.g. pregnancy, blood-thinners, osteoporosis (repeatable)")
      ->type_name("CONDITION")
      ->allow_extra_args(false);
  command->add_option("--avoid", options->input.avoid, "A technique you do not want (repeatable)")
      ->type_name("TECHNIQUE")
      ->allow_extra_args(false);
  command->add_option("--age", options->age, "Age in years")->type_name("YEARS");
  command->add_option("--duration", options->duration, "How long the pain has lasted: 10d, 3w, 6m, 2y")
      ->type_name("SPAN");
  command->add_option("-n,--top", options->top, "Print at most N suggestions")
      ->type_name("N")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1000000}));
  command->add_option("-f,--format", options->format, "Output format: text, json or tsv")
      ->type_name("FORMAT")
      ->transform(choice({"text", "json", "tsv"}));
  command->add_flag("--json", options->json, "Short for --format json");
  command->add_flag("--batch", options->batch,
                    "Read one JSON profile per line from standard input, write one JSON result per line");
  command->add_flag("--explain", options->explain, "Show every rule behind each score, exclusion and caution");
  command->add_flag("--trace", options->trace, "Show every rule evaluated, and why those that did not fire failed");
  command->add_option("--color,--colour", options->color, "Colour: auto (on a terminal), always or never")
      ->type_name("WHEN")
      ->transform(choice({"auto", "always", "never"}));
  add_rule_options(*command, options->rules);
  command->add_option("description", options->words, "Your pain in your own words ('-' reads standard input)")
      ->type_name("DESCRIPTION");
  command->footer("Examples:\n"
                  "  backrelief recommend --pressure low\n"
                  "  backrelief recommend -p firm -c blood-thinners --explain\n"
                  "  backrelief recommend --json --goal mobility | jq -r '.suggestions[0].technique'");
  command->callback([options, &status] { status = run_recommend(*options); });
}

} // namespace backrelief::cli
