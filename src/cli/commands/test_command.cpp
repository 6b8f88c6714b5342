#include "cli/commands/commands.hpp"
#include "cli/commands/exit_status.hpp"
#include "cli/input/rule_options.hpp"
#include "cli/io/standard_output.hpp"
#include "core/authoring/scenario.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <iterator>
#include <memory>

namespace backrelief::cli {

namespace {

struct TestOptions {
  RuleOptions rules;
  std::vector<std::string> paths;
  bool require_coverage = false;
  bool verbose = false;
};

int run_test(const TestOptions& options) {
  const RuleSet rules = load_chosen_rules(options.rules);
  const std::vector<Scenario> scenarios = load_dated_scenarios(options.paths, rules);
  std::size_t failed = 0;
  std::vector<std::string> fired;
  std::vector<bool> ranked_first(rules.techniques().size(), false);
  for (const Scenario& scenario : scenarios) {
    const ScenarioOutcome outcome = run_scenario(scenario, rules);
    if (outcome.top) {
      ranked_first[*outcome.top] = true;
    }
    fired.insert(fired.end(), outcome.fired.begin(), outcome.fired.end());
    if (outcome.failures.empty()) {
      if (options.verbose) {
        print_stdout("ok    {}: {}\n", to_string(scenario.where), scenario.name);
      }
      continue;
    }
    ++failed;
    print_stdout("FAIL  {}: {}\n", to_string(scenario.where), scenario.name);
    for (const std::string& failure : outcome.failures) {
      print_stdout("      {}\n", failure);
    }
    print_stdout("      got: {}\n", outcome.ranking);
  }
  std::sort(fired.begin(), fired.end());
  std::vector<const Rule*> never;
  for (const Rule& rule : rules.rules()) {
    if (!std::binary_search(fired.begin(), fired.end(), rule.id)) {
      never.push_back(&rule);
    }
  }
  print_stdout("coverage: {} of {} rules fired by some scenario\n", rules.rules().size() - never.size(),
               rules.rules().size());
  for (const Rule* rule : never) {
    print_stdout("  never fired: {} ({})\n", rule->id, to_string(rule->origin));
  }
  std::size_t never_first = 0;
  for (TechniqueId id = 0; id < rules.techniques().size(); ++id) {
    if (!ranked_first[id]) {
      ++never_first;
      print_stdout("  never ranked first: {}\n", rules.techniques()[id].id);
    }
  }
  print_stdout("{} scenarios: {} passed, {} failed\n", scenarios.size(), scenarios.size() - failed, failed);
  const bool coverage_ok = !options.require_coverage || (never.empty() && never_first == 0);
  return failed == 0 && coverage_ok ? k_exit_ok : k_exit_error;
}

} // namespace

void set_test_command(CLI::App& app, int& status) {
  auto options = std::make_shared<TestOptions>();
  CLI::App* command = app.add_subcommand("test", "Run scenario files against the rules, and report rule coverage");
  command->add_option("path", options->paths, "Scenario files or directories of *.yaml files")
      ->required()
      ->type_name("PATH");
  command->add_flag("--require-coverage", options->require_coverage,
                    "Fail unless every rule fires, and every technique ranks first, in some scenario");
  command->add_flag("-v,--verbose", options->verbose, "List the scenarios that pass too");
  add_rule_options(*command, options->rules);
  command->footer("Examples:\n  backrelief test tests/scenarios\n"
                  "  backrelief test --require-coverage -r my-rules.yaml my-scenarios.yaml");
  command->callback([options, &status] { status = run_test(*options); });
}

} // namespace backrelief::cli
