#include "core/authoring/scenario.hpp"
#include "core/text/text_analysis.hpp"
#include "core/util/edit_distance.hpp"
#include "core/yaml/yaml_reader.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace backrelief {

namespace {

// A profile field as a scenario's options spell it: the repeatable ones in the plural.
std::string scenario_key_of(std::string_view field) {
  if (field == k_field_goal || field == k_field_area || field == k_field_condition) {
    return std::string(field) + "s";
  }
  return std::string(field);
}

const std::vector<std::string> k_file_keys{"version", "scenarios"};
const std::vector<std::string> k_scenario_keys{"name", "description", "options", "expect"};
const std::vector<std::string> k_required_scenario_keys{"name", "expect"};
const std::vector<std::string> k_option_keys{"pressure", "goals",    "areas",     "conditions", "avoid",
                                             "age",      "duration", "intensity", "answers"};
const std::vector<std::string> k_expect_keys{"top", "referral", "excluded", "suggested", "fired", "not_fired"};
const std::vector<std::string> k_referral_names{"emergency", "urgent", "routine", "none"};

class ScenarioLoader {
public:
  ScenarioLoader(const RuleSet& rules, std::vector<Diagnostic>& diagnostics)
      : m_rules(rules), m_diagnostics(diagnostics) {}

  void load(const RuleSource& file, std::vector<Scenario>& out) {
    YamlReader reader(file.name, m_diagnostics);
    auto document = reader.parse(file.text);
    if (!document) {
      return;
    }
    const YAML::Node root = *document;
    auto fields = reader.mapping(root, k_file_keys, "a scenario file");
    if (!fields || !reader.require(*fields, root, k_file_keys, "a scenario file")) {
      return;
    }
    const auto version = reader.integer(*fields->find("version"), "the format version");
    if (version && *version != k_rules_format_version) {
      reader.error(*fields->find("version"), fmt::format("unsupported format version {}: this backrelief reads "
                                                         "version {}",
                                                         *version, k_rules_format_version));
      return;
    }
    const YAML::Node& list = *fields->find("scenarios");
    if (!list.IsSequence()) {
      reader.error(list, fmt::format("expected 'scenarios' to be a list, found {}", describe_node(list)));
      return;
    }
    // Every name read, with where, even of a scenario with other errors: a second 'a' is named
    // with the first whatever else is wrong with either.
    std::vector<std::pair<std::string, SourceLocation>> names;
    for (const YAML::Node& node : list) {
      bool duplicate = false;
      if (node.IsMap() && node["name"] && node["name"].IsScalar()) {
        const std::string& name = node["name"].Scalar();
        const auto first =
            std::find_if(names.begin(), names.end(), [&](const auto& seen) { return seen.first == name; });
        if (first != names.end()) {
          reader.error(node,
                       fmt::format("duplicate scenario name '{}': the first is at {}", name, to_string(first->second)));
          duplicate = true;
        } else {
          names.emplace_back(name, reader.where(node));
        }
      }
      auto scenario = parse(reader, node);
      if (scenario && !duplicate) {
        out.push_back(std::move(*scenario));
      }
    }
  }

private:
  std::optional<Scenario> parse(YamlReader& reader, const YAML::Node& node) {
    auto fields = reader.mapping(node, k_scenario_keys, "a scenario");
    if (!fields || !reader.require(*fields, node, k_required_scenario_keys, "a scenario")) {
      return std::nullopt;
    }
    Scenario scenario;
    scenario.where = reader.where(node);
    bool good = true;
    auto name = reader.text(*fields->find("name"), "the scenario's name");
    good = good && name;
    scenario.name = name.value_or("");
    if (const auto* description = fields->find("description")) {
      auto text = reader.text(*description, "the description");
      if (text && text->size() > k_max_description_bytes) {
        reader.error(*description, fmt::format("the description is longer than {} bytes ({} bytes), as recommend "
                                               "would refuse it",
                                               k_max_description_bytes, text->size()));
        text.reset();
      }
      good = good && text;
      scenario.input.description = text.value_or("");
    }
    if (const auto* options = fields->find("options")) {
      good = read_options(reader, *options, scenario.input) && good;
    }
    good = read_expectation(reader, *fields->find("expect"), scenario.expect) && good;
    return good ? std::optional<Scenario>{std::move(scenario)} : std::nullopt;
  }

  bool read_options(YamlReader& reader, const YAML::Node& node, ProfileInput& input) {
    auto fields = reader.mapping(node, k_option_keys, "the scenario's options");
    if (!fields) {
      return false;
    }
    bool good = true;
    const auto texts = [&](std::string_view key, std::vector<std::string>& out) {
      if (const auto* value = fields->find(key)) {
        if (auto items = reader.scalar_list(*value, fmt::format("a value of '{}'", key))) {
          for (const YAML::Node& item : *items) {
            out.push_back(item.Scalar());
          }
        } else {
          good = false;
        }
      }
    };
    if (const auto* pressure = fields->find("pressure")) {
      auto text = reader.text(*pressure, "the pressure");
      good = good && text;
      input.pressure = text;
    }
    texts("goals", input.goals);
    texts("areas", input.areas);
    texts("conditions", input.conditions);
    texts("avoid", input.avoid);
    if (const auto* age = fields->find("age")) {
      auto years = reader.integer(*age, "the age");
      good = good && years;
      input.age = years;
    }
    if (const auto* duration = fields->find("duration")) {
      auto text = reader.text(*duration, "the duration");
      good = good && text;
      input.duration = text;
    }
    if (const auto* intensity = fields->find("intensity")) {
      auto level = reader.number(*intensity, "the intensity");
      good = good && level;
      input.intensity = level;
    }
    if (const auto* answers = fields->find("answers")) {
      // As --answer ID=ANSWER: a question id and yes, no or not sure; make_profile checks both.
      if (!answers->IsMap()) {
        reader.error(*answers, fmt::format("expected 'answers' as a mapping of question ids to answers, as in "
                                           "{{saddle-numbness: no}}, found {}",
                                           describe_node(*answers)));
        good = false;
      } else {
        for (auto it = answers->begin(); it != answers->end(); ++it) {
          auto id = reader.text(it->first, "a question id");
          auto answer = reader.text(it->second, "an answer");
          if (!id || !answer) {
            good = false;
            continue;
          }
          input.answers.emplace_back(*id, *answer);
        }
      }
    }
    if (!good) {
      return false;
    }
    // The same checks as the command line, reported at the options.
    try {
      (void)make_profile(input, m_rules);
    } catch (const Error& error) {
      for (Diagnostic problem : error.diagnostics()) {
        problem.field = scenario_key_of(problem.field);
        reader.error(node, to_string(problem));
      }
      return false;
    }
    return true;
  }

  std::optional<TechniqueId> technique(YamlReader& reader, const YAML::Node& node) {
    if (auto id = m_rules.find_technique(node.Scalar())) {
      return id;
    }
    reader.error(node, fmt::format("unknown technique '{}'{}", node.Scalar(),
                                   did_you_mean(node.Scalar(), m_rules.technique_names())));
    return std::nullopt;
  }

  bool techniques(YamlReader& reader, const YAML::Node& node, std::vector<TechniqueId>& out) {
    auto items = reader.scalar_list(node, "a technique id");
    if (!items) {
      return false;
    }
    bool good = true;
    for (const YAML::Node& item : *items) {
      if (auto id = technique(reader, item)) {
        out.push_back(*id);
      } else {
        good = false;
      }
    }
    return good;
  }

  bool rule_ids(YamlReader& reader, const YAML::Node& node, std::vector<std::string>& out) {
    auto items = reader.scalar_list(node, "a rule id");
    if (!items) {
      return false;
    }
    bool good = true;
    for (const YAML::Node& item : *items) {
      if (m_rules.find_rule(item.Scalar()) == nullptr) {
        reader.error(
            item, fmt::format("unknown rule '{}'{}", item.Scalar(), did_you_mean(item.Scalar(), m_rules.rule_ids())));
        good = false;
      } else {
        out.push_back(item.Scalar());
      }
    }
    return good;
  }

  bool read_expectation(YamlReader& reader, const YAML::Node& node, ScenarioExpectation& expect) {
    auto fields = reader.mapping(node, k_expect_keys, "a scenario's expectations");
    if (!fields) {
      return false;
    }
    if (fields->all().empty()) {
      reader.error(node, "expected at least one expectation: top, referral, excluded, suggested, fired or not_fired");
      return false;
    }
    bool good = true;
    if (const auto* top = fields->find("top")) {
      if (auto name = reader.text(*top, "the top technique")) {
        expect.top = technique(reader, *top);
        good = good && expect.top;
      } else {
        good = false;
      }
    }
    if (const auto* referral = fields->find("referral")) {
      auto name = reader.text(*referral, "the referral level");
      if (name && *name == "none") {
        expect.referral = std::optional<ReferralLevel>{};
      } else if (auto level = name ? parse_referral_level(*name) : std::nullopt) {
        expect.referral = level;
      } else {
        if (name) {
          reader.error(*referral, fmt::format("unknown referral level '{}': expected emergency, urgent, routine or "
                                              "none{}",
                                              *name, did_you_mean(*name, k_referral_names)));
        }
        good = false;
      }
    }
    if (const auto* excluded = fields->find("excluded")) {
      good = techniques(reader, *excluded, expect.excluded) && good;
    }
    if (const auto* suggested = fields->find("suggested")) {
      good = techniques(reader, *suggested, expect.suggested) && good;
    }
    if (const auto* fired = fields->find("fired")) {
      good = rule_ids(reader, *fired, expect.fired) && good;
    }
    if (const auto* not_fired = fields->find("not_fired")) {
      good = rule_ids(reader, *not_fired, expect.not_fired) && good;
    }
    return good;
  }

  const RuleSet& m_rules;
  std::vector<Diagnostic>& m_diagnostics;
};

} // namespace

std::vector<Scenario> load_scenarios(const std::vector<RuleSource>& files, const RuleSet& rules) {
  const SuggestionBudget suggestions(k_did_you_mean_searches);
  std::vector<Diagnostic> diagnostics;
  std::vector<Scenario> scenarios;
  ScenarioLoader loader(rules, diagnostics);
  for (const RuleSource& file : files) {
    loader.load(file, scenarios);
  }
  if (!diagnostics.empty()) {
    throw Error(ErrorKind::invalid_rules, std::move(diagnostics));
  }
  return scenarios;
}

} // namespace backrelief
