#include "cli/input/profile_options.hpp"

#include "cli/input/choice.hpp"
#include "cli/input/decimal_number.hpp"
#include "cli/io/environment.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace backrelief::cli {

namespace {

// Runs `use` on the input dated this year; an Error's fields become the options that set them.
template <class Use>
auto with_options(const ProfileInput& input, Use use) {
  try {
    if (input.year != 0) {
      return use(input);
    }
    ProfileInput dated = input;
    dated.year = this_year();
    return use(dated);
  } catch (const Error& error) {
    std::vector<Diagnostic> problems = error.diagnostics();
    for (Diagnostic& problem : problems) {
      if (!problem.field.empty()) {
        problem.field.insert(0, "--"); // each field's option is its name: --pressure, --goal...
      }
    }
    throw Error(error.kind(), std::move(problems));
  }
}

} // namespace

Profile make_profile_from_options(const ProfileInput& input, const RuleSet& rules) {
  return with_options(input, [&](const ProfileInput& dated) { return make_profile(dated, rules); });
}

Answer answer_from_options(const Recommender& recommender, const ProfileInput& input, Tracing tracing) {
  return with_options(input, [&](const ProfileInput& dated) { return answer_for(recommender, dated, tracing); });
}

void add_profile_options(CLI::App& command, ProfileOptions& options, const std::vector<std::string>& formats) {
  command
      .add_option("-p,--pressure", options.person.pressure,
                  "Preferred pressure: low, medium or firm (also light, moderate, deep, hard, high)")
      ->type_name("LEVEL");
  command
      .add_option("-g,--goal", options.person.goals,
                  "What you want most: relief, relaxation, mobility (repeatable, or a,b)")
      ->type_name("GOAL")
      ->delimiter(',')
      ->allow_extra_args(false);
  command
      .add_option("-a,--area", options.person.areas,
                  "Where it hurts: lower-back, upper-back, neck, shoulders, hips (repeatable, or a,b)")
      ->type_name("AREA")
      ->delimiter(',')
      ->allow_extra_args(false);
  command
      .add_option("-c,--condition", options.person.conditions,
                  "A health condition, e.g. pregnancy, blood-thinners, osteoporosis (repeatable, or a,b)")
      ->type_name("CONDITION")
      ->delimiter(',')
      ->allow_extra_args(false);
  command.add_option("--avoid", options.person.avoid, "A technique you do not want (repeatable, or a,b)")
      ->type_name("TECHNIQUE")
      ->delimiter(',')
      ->allow_extra_args(false);
  command.add_option("--age", options.person.age, "Age in years")
      ->type_name("YEARS")
      ->transform(decimal_number("a whole number of years"));
  command.add_option("--duration", options.person.duration, "How long the pain has lasted: 10d, 3w, 6m, 2y")
      ->type_name("SPAN");
  command.add_option("--intensity", options.person.intensity, "How strong the pain is, 0 (none) to 10 (worst)")
      ->type_name("LEVEL")
      ->transform(decimal_number("a level from 0 to 10", true));
  command.add_option("-n,--top", options.top, "Print at most N suggestions (1 to 1000000)")
      ->type_name("N")
      ->transform(decimal_number("a whole number from 1 to 1000000", false, 1, 1000000));
  command
      .add_option(
          "-f,--format", options.format,
          fmt::format("Output format: {} or {}", fmt::join(formats.begin(), formats.end() - 1, ", "), formats.back()))
      ->type_name("FORMAT")
      ->transform(choice(formats));
  command.add_flag("--json", options.json, "Short for --format json");
  command.add_option("--color,--colour", options.color, "Colour: auto (on a terminal), always or never")
      ->type_name("WHEN")
      ->transform(choice({"auto", "always", "never"}));
  CLI::Option* config =
      command.add_option("--config", options.config, "Read standing defaults from this file instead of the user's")
          ->type_name("FILE");
  command.add_flag("--no-config", options.no_config, "Read no config file (not with --config)")->excludes(config);
  add_rule_options(command, options.rules);
}

void add_answer_option(CLI::App& command, ProfileInput& input) {
  command
      .add_option_function<std::vector<std::string>>(
          "--answer",
          [&input](const std::vector<std::string>& answers) {
            for (const std::string& answer : answers) {
              const auto equals = answer.find('=');
              input.answers.emplace_back(answer.substr(0, equals), answer.substr(equals + 1));
            }
          },
          "Answer a warning-sign question: ID=yes, ID=no or ID=not-sure (repeatable; see backrelief ask)")
      ->type_name("ID=ANSWER")
      ->allow_extra_args(false)
      ->check(
          [](const std::string& answer) {
            return answer.find('=') == std::string::npos || answer.front() == '='
                       ? std::string("expected ID=ANSWER, such as saddle-numbness=no")
                       : std::string{};
          },
          "ID=ANSWER");
}

} // namespace backrelief::cli
