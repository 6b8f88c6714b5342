#include "cli/commands/commands.hpp"
#include "cli/commands/exit_status.hpp"
#include "cli/input/batch_line.hpp"
#include "cli/input/format_option.hpp"
#include "cli/input/rule_options.hpp"
#include "cli/io/environment.hpp"
#include "cli/io/standard_input.hpp"
#include "cli/io/standard_output.hpp"
#include "cli/output/diff_output.hpp"
#include "core/util/file_text.hpp"

#include <fmt/format.h>
#include <memory>
#include <optional>
#include <sstream>

namespace backrelief::cli {

namespace {

struct DiffOptions {
  RuleOptions rules;
  FormatOption format;
  std::string old_rules;                   ///< OLD
  std::string new_rules;                   ///< NEW
  std::vector<std::string> scenario_paths; ///< --scenarios
  std::optional<std::string> profiles;     ///< --profiles: JSON Lines, as --batch reads
};

/// One person to compare the two rule sets over.
struct Person {
  std::string name;
  std::string where;
  ProfileInput input;
};

constexpr std::size_t k_max_profiles_bytes = std::size_t{64} * 1024 * 1024;

// The people of a profiles file, one JSON line each, as `recommend --batch` reads them.
std::vector<Person> people_from_lines(const std::string& path) {
  const auto text = path == "-" ? read_stdin_up_to(k_max_profiles_bytes) : read_file_up_to(path, k_max_profiles_bytes);
  if (!text) {
    throw Error(ErrorKind::io, fmt::format("{}: cannot read the profiles (a JSON Lines file of at most 64 MiB)", path));
  }
  std::vector<Person> people;
  std::istringstream lines(*text);
  std::size_t number = 0;
  for (std::string line; std::getline(lines, line);) {
    ++number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) {
      continue;
    }
    BatchLineTags tags;
    Person person{fmt::format("line {}", number), fmt::format("{}:{}", path, number), {}};
    try {
      person.input = parse_batch_line(line, &tags);
    } catch (const Error& error) {
      throw Error(ErrorKind::invalid_input, fmt::format("{}:{}: {}", path, number, error.what()));
    }
    if (tags.id) {
      person.name += fmt::format(" (id {})", *tags.id);
    }
    person.input.year = this_year();
    people.push_back(std::move(person));
  }
  return people;
}

std::vector<Person> people_from_scenarios(const std::vector<std::string>& paths, const RuleSet& rules) {
  std::vector<Person> people;
  for (Scenario& scenario : load_dated_scenarios(paths, rules)) {
    people.push_back({std::move(scenario.name), to_string(scenario.where), std::move(scenario.input)});
  }
  return people;
}

int run_diff(const DiffOptions& options) {
  if (options.profiles && !options.scenario_paths.empty()) {
    throw Error(ErrorKind::invalid_input, "--profiles and --scenarios both say whom to compare: give one");
  }
  const std::size_t from_stdin =
      static_cast<std::size_t>(options.old_rules == "-") + static_cast<std::size_t>(options.new_rules == "-") +
      static_cast<std::size_t>(options.profiles == "-") + static_cast<std::size_t>(rules_from_stdin(options.rules));
  if (from_stdin > 1) {
    throw Error(ErrorKind::invalid_input, "standard input can feed only one of OLD, NEW, --profiles and --rules");
  }
  const RuleSet before = load_chosen_rules(options.rules, {options.old_rules});
  const RuleSet after = load_chosen_rules(options.rules, {options.new_rules});
  const std::vector<Person> people =
      options.profiles ? people_from_lines(*options.profiles)
                       : people_from_scenarios(options.scenario_paths.empty()
                                                   ? std::vector<std::string>{default_scenarios_directory().string()}
                                                   : options.scenario_paths,
                                               after);
  std::vector<ComparedProfile> compared;
  compared.reserve(people.size());
  bool changed = false;
  for (const Person& person : people) {
    compared.push_back({person.name, person.where, compare_answers(before, after, person.input)});
    changed = changed || compared.back().change.any();
  }
  write_stdout(options.format.chosen() == "json" ? format_diff_json(compared) : format_diff_text(compared));
  return changed ? k_exit_error : k_exit_ok;
}

} // namespace

void add_rules_diff_command(CLI::App& rules_command, int& status) {
  auto options = std::make_shared<DiffOptions>();
  CLI::App* command = rules_command.add_subcommand(
      "diff", "What a change of rules does to people: every profile whose answer changes, and the rules behind it");
  command->add_option("old", options->old_rules, "The rule file or directory before the change")
      ->type_name("OLD")
      ->required();
  command->add_option("new", options->new_rules, "The rule file or directory after the change")
      ->type_name("NEW")
      ->required();
  command
      ->add_option("--scenarios", options->scenario_paths,
                   "Compare over these scenario files' profiles (default: the scenarios shipped with backrelief)")
      ->type_name("PATH")
      ->allow_extra_args(false);
  command
      ->add_option("--profiles", options->profiles,
                   "Compare over these profiles instead: JSON Lines, as recommend --batch reads ('-' for standard "
                   "input)")
      ->type_name("FILE");
  add_format_option(*command, options->format, {"text", "json"});
  add_rule_options(*command, options->rules);
  command->footer("Exit status: 0 when no answer changes, 1 when some does (or a file is invalid).\n"
                  "Examples:\n"
                  "  backrelief rules diff --no-user-rules old/clinic.yaml ~/.config/backrelief/rules.d/clinic.yaml\n"
                  "  backrelief rules diff --no-default-rules --profiles intake.jsonl old-rules/ rules/");
  command->callback([options, &status] { status = run_diff(*options); });
}

} // namespace backrelief::cli
