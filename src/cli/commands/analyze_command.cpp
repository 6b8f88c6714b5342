#include "cli/commands/commands.hpp"
#include "cli/commands/exit_status.hpp"
#include "cli/input/choice.hpp"
#include "cli/input/description.hpp"
#include "cli/input/profile_options.hpp"
#include "cli/input/rule_options.hpp"
#include "cli/io/standard_output.hpp"
#include "cli/output/facts_output.hpp"
#include "core/engine/profile.hpp"

#include <algorithm>
#include <cstdio>
#include <memory>

namespace backrelief::cli {

namespace {

struct AnalyzeOptions {
  RuleOptions rules;
  std::vector<std::string> words;
  std::string format = "text";
  bool json = false;
};

int run_analyze(const AnalyzeOptions& options) {
  if (description_from_stdin(options.words) && rules_from_stdin(options.rules)) {
    throw Error(ErrorKind::invalid_input, "standard input can feed either --rules - (or '-' in BACKRELIEF_RULES) or "
                                          "the description -, not both");
  }
  const RuleSet rules = load_chosen_rules(options.rules);
  ProfileInput input;
  input.description = read_description(options.words);
  if (input.description.find_first_not_of(" \t\r\n") == std::string::npos) {
    throw Error(ErrorKind::invalid_input, "no description given: put it after the options, or '-' to read it from "
                                          "standard input");
  }
  const Profile profile = make_profile_from_options(input, rules);
  const std::string text = options.json || options.format == "json" ? format_analysis_json(profile, rules)
                                                                    : format_analysis_text(profile, rules);
  write_stdout(text);
  return k_exit_ok;
}

} // namespace

void set_analyze_command(CLI::App& app, int& status) {
  auto options = std::make_shared<AnalyzeOptions>();
  CLI::App* command =
      app.add_subcommand("analyze", "Show what is understood from a description: each fact, its words, negated or not");
  command->add_option("-f,--format", options->format, "Output format: text or json")
      ->type_name("FORMAT")
      ->transform(choice({"text", "json"}));
  command->add_flag("--json", options->json, "Short for --format json");
  add_rule_options(*command, options->rules);
  command->add_option("description", options->words, "Your pain in your own words ('-' reads standard input)")
      ->type_name("DESCRIPTION")
      ->required(); // analyze reads nothing but a description
  command->footer("Examples:\n"
                  "  backrelief analyze \"no numbness, knots under my right shoulder blade\"\n"
                  "  echo \"dull ache for 6 months, pain 6/10\" | backrelief analyze --json - | jq '.facts'");
  command->callback([options, &status] { status = run_analyze(*options); });
}

} // namespace backrelief::cli
