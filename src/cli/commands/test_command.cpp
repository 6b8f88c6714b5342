#include "cli/commands/commands.hpp"
#include "cli/commands/exit_status.hpp"
#include "cli/input/format_option.hpp"
#include "cli/input/rule_options.hpp"
#include "cli/io/standard_output.hpp"
#include "cli/output/tsv_field.hpp"
#include "core/authoring/scenario.hpp"
#include "report/json_document.hpp"
#include "report/json_writer.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <iterator>
#include <memory>

namespace backrelief::cli {

namespace {

struct TestOptions {
  RuleOptions rules;
  FormatOption format;
  std::vector<std::string> paths;
  bool require_coverage = false;
  bool verbose = false;
};

struct ScenarioRun {
  const Scenario* scenario = nullptr;
  ScenarioOutcome outcome;
};

/// Every scenario's outcome, and what none of them reached.
struct TestRun {
  std::vector<ScenarioRun> runs;
  std::size_t failed = 0;
  std::vector<const Rule*> never_fired;
  std::vector<std::string_view> never_first; ///< technique ids
  std::size_t rules_covered = 0;             ///< the rules coverage counts
  std::string covered_files;                 ///< "" for every rule, else the --rules paths, for the report
};

// Whether a definition comes from one of `named` (files, directories, or "-" for standard input).
bool defined_in(const SourceLocation& origin, const std::vector<std::string>& named) {
  return std::any_of(named.begin(), named.end(), [&](const std::string& path) {
    if (path == "-") {
      return origin.file == "<stdin>";
    }
    const std::string directory = path.ends_with('/') ? path : path + "/";
    return origin.file == path || origin.file.starts_with(directory);
  });
}

// Coverage counts what `covered` names: the rule files given with --rules when there are any (an
// author's own file, not the shipped rules), else every rule and technique.
TestRun run_all(const std::vector<Scenario>& scenarios, const RuleSet& rules, const std::vector<std::string>& covered) {
  TestRun result;
  std::vector<std::string> fired;
  std::vector<bool> ranked_first(rules.techniques().size(), false);
  for (const Scenario& scenario : scenarios) {
    ScenarioOutcome outcome = run_scenario(scenario, rules);
    if (outcome.top) {
      ranked_first[*outcome.top] = true;
    }
    fired.insert(fired.end(), outcome.fired.begin(), outcome.fired.end());
    result.failed += outcome.failures.empty() ? 0U : 1U;
    result.runs.push_back({&scenario, std::move(outcome)});
  }
  std::sort(fired.begin(), fired.end());
  for (const Rule& rule : rules.rules()) {
    if (!covered.empty() && !defined_in(rule.origin, covered)) {
      continue;
    }
    ++result.rules_covered;
    if (!std::binary_search(fired.begin(), fired.end(), rule.id)) {
      result.never_fired.push_back(&rule);
    }
  }
  for (TechniqueId id = 0; id < rules.techniques().size(); ++id) {
    if (!ranked_first[id] && (covered.empty() || defined_in(rules.techniques()[id].origin, covered))) {
      result.never_first.push_back(rules.techniques()[id].id);
    }
  }
  return result;
}

void print_text(const TestRun& result, bool verbose) {
  for (const ScenarioRun& run : result.runs) {
    if (run.outcome.failures.empty()) {
      if (verbose) {
        print_stdout("ok    {}: {}\n", to_string(run.scenario->where), run.scenario->name);
      }
      continue;
    }
    print_stdout("FAIL  {}: {}\n", to_string(run.scenario->where), run.scenario->name);
    for (const std::string& failure : run.outcome.failures) {
      print_stdout("      {}\n", failure);
    }
    print_stdout("      got: {}\n", run.outcome.ranking);
  }
  print_stdout("coverage: {} of {} rules{} fired by some scenario\n", result.rules_covered - result.never_fired.size(),
               result.rules_covered, result.covered_files.empty() ? "" : " of " + result.covered_files);
  for (const Rule* rule : result.never_fired) {
    print_stdout("  never fired: {} ({})\n", rule->id, to_string(rule->origin));
  }
  for (const std::string_view id : result.never_first) {
    print_stdout("  never ranked first: {}\n", id);
  }
  print_stdout("{} scenarios: {} passed, {} failed\n", result.runs.size(), result.runs.size() - result.failed,
               result.failed);
}

void print_json(const TestRun& result) {
  JsonWriter json(2);
  json.begin_object().member("schema", k_json_schema_version).key("scenarios").begin_array();
  for (const ScenarioRun& run : result.runs) {
    json.begin_object().member("name", run.scenario->name).member("at", to_string(run.scenario->where));
    json.member("passed", run.outcome.failures.empty()).key("failures").strings(run.outcome.failures);
    json.member("got", run.outcome.ranking).end_object();
  }
  json.end_array().member("passed", result.runs.size() - result.failed).member("failed", result.failed);
  json.key("coverage").begin_object().member("rules", result.rules_covered);
  json.member("fired", result.rules_covered - result.never_fired.size()).key("never_fired").begin_array();
  for (const Rule* rule : result.never_fired) {
    json.begin_object().key("id").identifier(rule->id).member("defined_at", to_string(rule->origin)).end_object();
  }
  json.end_array().key("never_ranked_first").begin_array();
  for (const std::string_view id : result.never_first) {
    json.identifier(id);
  }
  json.end_array().end_object().end_object().raw("\n");
  write_stdout(json.text());
}

void print_tsv(const TestRun& result) {
  std::string out = "result\tat\tname\n";
  for (const ScenarioRun& run : result.runs) {
    out += fmt::format("{}\t{}\t{}\n", run.outcome.failures.empty() ? "ok" : "FAIL",
                       tsv_field(to_string(run.scenario->where)), tsv_field(run.scenario->name));
  }
  write_stdout(out);
}

int run_test(const TestOptions& options) {
  const auto stdin_uses = std::count(options.paths.begin(), options.paths.end(), "-");
  if (stdin_uses > 1 || (stdin_uses == 1 && rules_from_stdin(options.rules))) {
    throw Error(ErrorKind::invalid_input, "standard input can feed only one file: give '-' once, among the scenario "
                                          "paths and --rules");
  }
  const RuleSet rules = load_chosen_rules(options.rules);
  const std::vector<Scenario> scenarios = load_dated_scenarios(options.paths, rules);
  TestRun result = run_all(scenarios, rules, options.rules.paths);
  if (!options.rules.paths.empty()) {
    result.covered_files = fmt::format("{}", fmt::join(options.rules.paths, ", "));
  }
  const std::string& format = options.format.chosen();
  if (format == "json") {
    print_json(result);
  } else if (format == "tsv") {
    print_tsv(result);
  } else {
    print_text(result, options.verbose);
  }
  const bool coverage_ok = !options.require_coverage || (result.never_fired.empty() && result.never_first.empty());
  return result.failed == 0 && coverage_ok ? k_exit_ok : k_exit_error;
}

} // namespace

void set_test_command(CLI::App& app, int& status) {
  auto options = std::make_shared<TestOptions>();
  CLI::App* command = app.add_subcommand("test", "Run scenario files against the rules, and report rule coverage");
  command
      ->add_option("path", options->paths, "Scenario files or directories of *.yaml files ('-' reads standard input)")
      ->required()
      ->type_name("PATH");
  command->add_flag("--require-coverage", options->require_coverage,
                    "Fail unless every rule fires, and every technique ranks first, in some scenario");
  command->add_flag("-v,--verbose", options->verbose, "List the scenarios that pass too (in text)");
  add_format_option(*command, options->format, {"text", "json", "tsv"});
  add_rule_options(*command, options->rules);
  command->footer("Examples:\n  backrelief test tests/scenarios\n"
                  "  backrelief test --require-coverage -r my-rules.yaml my-scenarios.yaml");
  command->callback([options, &status] { status = run_test(*options); });
}

} // namespace backrelief::cli
