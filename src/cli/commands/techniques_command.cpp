#include "cli/commands/commands.hpp"
#include "cli/commands/exit_status.hpp"
#include "cli/input/format_option.hpp"
#include "cli/input/rule_options.hpp"
#include "cli/io/standard_output.hpp"
#include "cli/output/tsv_field.hpp"
#include "core/util/edit_distance.hpp"
#include "report/json_document.hpp"
#include "report/json_writer.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <memory>

namespace backrelief::cli {

namespace {

struct TechniquesOptions {
  RuleOptions rules;
  FormatOption format;
  std::string id;
};

std::string pressure_range(const Technique& technique) {
  if (technique.pressure_min == technique.pressure_max) {
    return std::string(to_string(technique.pressure_min));
  }
  return fmt::format("{}-{}", to_string(technique.pressure_min), to_string(technique.pressure_max));
}

void list(const RuleSet& rules) {
  std::size_t id_width = 2;
  std::size_t name_width = 4;
  std::size_t pressure_width = 8;
  for (const Technique& technique : rules.techniques()) {
    id_width = std::max(id_width, technique.id.size());
    name_width = std::max(name_width, technique.name.size());
    pressure_width = std::max(pressure_width, pressure_range(technique).size());
  }
  for (const Technique& technique : rules.techniques()) {
    print_stdout("{:<{}}  {:<{}}  {:<{}}  {}\n", technique.id, id_width, technique.name, name_width,
                 pressure_range(technique), pressure_width, technique.summary);
  }
}

void describe(const RuleSet& rules, const Technique& technique) {
  print_stdout("{} ({})\n", technique.name, technique.id);
  if (!technique.aliases.empty()) {
    print_stdout("Also called: {}\n", fmt::join(technique.aliases, ", "));
  }
  print_stdout("Pressure: {}\n", pressure_range(technique));
  for (const std::string& id : technique.traits) {
    const Trait* trait = rules.find_trait(id);
    print_stdout("Trait: {} ({})\n", id, trait != nullptr ? trait->name : "");
  }
  print_stdout("\n{}\n", technique.summary);
  if (!technique.aftercare.empty()) {
    print_stdout("\nAftercare:\n");
    for (const std::string& item : technique.aftercare) {
      print_stdout("  - {}\n", item);
    }
  }
  print_stdout("\nDefined at {}\n", to_string(technique.origin));
}

// One shape for the list and for one technique: {"schema", "techniques": [...]}.
void write_json(const RuleSet& rules, const std::vector<const Technique*>& techniques) {
  JsonWriter json(2);
  json.begin_object().member("schema", k_json_schema_version).key("techniques").begin_array();
  for (const Technique* technique : techniques) {
    json.begin_object().key("id").identifier(technique->id).member("name", technique->name);
    json.key("aliases").strings(technique->aliases);
    json.key("pressure").begin_object();
    json.key("min").identifier(to_string(technique->pressure_min));
    json.key("max").identifier(to_string(technique->pressure_max)).end_object();
    json.key("traits").begin_array();
    for (const std::string& id : technique->traits) {
      const Trait* trait = rules.find_trait(id);
      json.begin_object().key("id").identifier(id).member("name", trait != nullptr ? trait->name : "").end_object();
    }
    json.end_array();
    json.member("summary", technique->summary).key("aftercare").strings(technique->aftercare);
    json.member("defined_at", to_string(technique->origin)).end_object();
  }
  json.end_array().end_object().raw("\n");
  write_stdout(json.text());
}

void write_tsv(const std::vector<const Technique*>& techniques) {
  std::string out = "id\tname\tpressure\tsummary\n";
  for (const Technique* technique : techniques) {
    out += fmt::format("{}\t{}\t{}\t{}\n", technique->id, tsv_field(technique->name), pressure_range(*technique),
                       tsv_field(technique->summary));
  }
  write_stdout(out);
}

int run_techniques(const TechniquesOptions& options) {
  const RuleSet rules = load_chosen_rules(options.rules);
  std::vector<const Technique*> chosen;
  if (options.id.empty()) {
    for (const Technique& technique : rules.techniques()) {
      chosen.push_back(&technique);
    }
  } else {
    const auto id = rules.find_technique(options.id);
    if (!id) {
      throw Error(ErrorKind::invalid_input, fmt::format("unknown technique '{}'{}", options.id,
                                                        did_you_mean(options.id, rules.technique_names())));
    }
    chosen.push_back(&rules.techniques()[*id]);
  }
  const std::string& format = options.format.chosen();
  if (format == "json") {
    write_json(rules, chosen);
  } else if (format == "tsv") {
    write_tsv(chosen);
  } else if (options.id.empty()) {
    list(rules);
  } else {
    describe(rules, *chosen.front());
  }
  return k_exit_ok;
}

} // namespace

void set_techniques_command(CLI::App& app, int& status) {
  auto options = std::make_shared<TechniquesOptions>();
  CLI::App* command = app.add_subcommand("techniques", "List the techniques, or describe one");
  command->add_option("id", options->id, "A technique id or alias, e.g. swedish or nmt")->type_name("ID");
  add_format_option(*command, options->format, {"text", "json", "tsv"});
  add_rule_options(*command, options->rules);
  command->footer("Examples:\n  backrelief techniques\n  backrelief techniques nmt\n"
                  "  backrelief techniques --json | jq -r '.techniques[].id'");
  command->callback([options, &status] { status = run_techniques(*options); });
}

} // namespace backrelief::cli
