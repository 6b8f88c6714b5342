#include "cli/commands/commands.hpp"
#include "cli/commands/exit_status.hpp"
#include "cli/input/choice.hpp"
#include "cli/input/format_option.hpp"
#include "cli/input/rule_options.hpp"
#include "cli/io/standard_output.hpp"
#include "core/model/pressure.hpp"
#include "core/rules/rule_set.hpp"
#include "report/json_document.hpp"
#include "report/json_writer.hpp"

#include <memory>

namespace backrelief::cli {

namespace {

struct ValuesOptions {
  RuleOptions rules;
  FormatOption format;
  std::string kind;
};

const std::vector<std::string> k_kinds{"technique", "condition", "goal", "area",    "pressure",
                                       "format",    "color",     "rule", "question"};

// The values that depend on the rules are read from them, so completions never go stale.
std::vector<std::string> values_of(const std::string& kind, const RuleOptions& options) {
  if (kind == "pressure") {
    return pressure_spellings();
  }
  if (kind == "format") {
    return {"text", "json", "tsv"};
  }
  if (kind == "color") {
    return {"auto", "always", "never"};
  }
  const RuleSet rules = load_chosen_rules(options);
  if (kind == "technique") {
    return rules.technique_names();
  }
  if (kind == "question") { // the warning signs --answer takes
    std::vector<std::string> ids;
    for (const Question& question : rules.questions()) {
      if (question.field == QuestionField::sign) {
        ids.push_back(question.id);
      }
    }
    return ids;
  }
  if (kind == "rule") {
    return rules.rule_ids();
  }
  const ConceptKind concept_kind = kind == "goal"   ? ConceptKind::goal
                                   : kind == "area" ? ConceptKind::area
                                                    : ConceptKind::condition;
  return rules.concept_names(concept_kind);
}

void run_values(const ValuesOptions& options) {
  if (options.format.chosen() == "json") {
    JsonWriter json(2);
    json.begin_object().member("schema", k_json_schema_version).key("kind").identifier(options.kind);
    json.key("values").strings(values_of(options.kind, options.rules)).end_object().raw("\n");
    write_stdout(json.text());
    return;
  }
  std::string out;
  for (const std::string& value : values_of(options.kind, options.rules)) {
    out += value;
    out += '\n';
  }
  write_stdout(out);
}

} // namespace

void set_values_command(CLI::App& app, int& status) {
  auto options = std::make_shared<ValuesOptions>();
  CLI::App* command =
      app.add_subcommand("values", "Print the values an option accepts, one per line, from the loaded rules");
  command
      ->add_option("kind", options->kind, "technique, condition, goal, area, pressure, format, color, rule or question")
      ->type_name("KIND")
      ->required()
      ->transform(choice(k_kinds));
  add_format_option(*command, options->format, {"text", "json"});
  add_rule_options(*command, options->rules);
  command->footer("Used by the shell completions; also for scripts:\n  backrelief values condition");
  command->callback([options, &status] {
    run_values(*options);
    status = k_exit_ok;
  });
}

} // namespace backrelief::cli
