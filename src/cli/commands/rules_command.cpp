#include "cli/commands/commands.hpp"
#include "cli/commands/exit_status.hpp"
#include "cli/input/format_option.hpp"
#include "cli/input/rule_options.hpp"
#include "cli/io/standard_output.hpp"
#include "cli/output/check_output.hpp"
#include "cli/output/tsv_field.hpp"
#include "core/authoring/expansion_lint.hpp"
#include "core/authoring/hint_rates.hpp"
#include "core/authoring/rule_lint.hpp"
#include "core/rules/condition_description.hpp"
#include "core/util/edit_distance.hpp"
#include "report/json_document.hpp"
#include "report/json_writer.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <memory>
#include <optional>
#include <tuple>

namespace backrelief::cli {

namespace {

struct RulesOptions {
  RuleOptions rules;
  FormatOption format;
  bool strict = false;
  bool long_listing = false; ///< rules list --long
  std::vector<std::string> check_paths;
  std::vector<std::string> scenario_paths; ///< --scenarios: where to measure the hints' rates
  std::string show_id;
};

std::string effects(const Rule& rule, const RuleSet& rules) {
  std::vector<std::string> parts;
  const auto name = [&rules](TechniqueId id) { return rules.techniques()[id].id; };
  if (!rule.weights.empty()) {
    std::vector<std::string> weights;
    for (const Weight& weight : rule.weights) {
      weights.push_back(fmt::format("{} {:+g}", name(weight.technique), weight.value));
    }
    parts.push_back(fmt::format("score {}", fmt::join(weights, ", ")));
  }
  if (!rule.excludes.empty()) {
    std::vector<std::string> ids;
    for (TechniqueId id : rule.excludes) {
      ids.push_back(name(id));
    }
    parts.push_back(fmt::format("exclude {}", fmt::join(ids, ", ")));
  }
  if (!rule.cautions.empty()) {
    std::vector<std::string> ids;
    for (const Caution& caution : rule.cautions) {
      ids.push_back(name(caution.technique));
    }
    parts.push_back(fmt::format("caution {}", fmt::join(ids, ", ")));
  }
  if (rule.referral) {
    parts.push_back(fmt::format("refer {}", to_string(rule.referral->level)));
  }
  if (!rule.advice.empty()) {
    parts.emplace_back("advice");
  }
  return fmt::format("{}", fmt::join(parts, "; "));
}

void write_rule(JsonWriter& json, const Rule& rule, const RuleSet& rules, const SourceLocation* disabled_at) {
  const auto name = [&rules](TechniqueId id) { return std::string_view(rules.techniques()[id].id); };
  json.begin_object().key("id").identifier(rule.id).member("defined_at", to_string(rule.origin));
  json.key("disabled_at");
  if (disabled_at != nullptr) {
    json.value(to_string(*disabled_at));
  } else {
    json.null();
  }
  json.member("when", describe(rule.when, rules)).key("score").begin_array();
  for (const Weight& weight : rule.weights) {
    json.begin_object().key("technique").identifier(name(weight.technique)).member("weight", weight.value);
    json.end_object();
  }
  json.end_array().key("exclude").begin_array();
  for (TechniqueId id : rule.excludes) {
    json.identifier(name(id));
  }
  json.end_array().key("caution").begin_array();
  for (const Caution& caution : rule.cautions) {
    json.begin_object().key("technique").identifier(name(caution.technique)).member("text", caution.text);
    json.end_object();
  }
  json.end_array().key("refer");
  if (rule.referral) {
    json.begin_object().key("level").identifier(to_string(rule.referral->level));
    json.member("advice",
                rule.referral->advice.empty() ? default_referral_advice(rule.referral->level) : rule.referral->advice);
    json.end_object();
  } else {
    json.null();
  }
  json.key("advice");
  if (rule.advice.empty()) {
    json.null();
  } else {
    json.value(rule.advice);
  }
  json.member("because", rule.because).key("source");
  if (rule.source.empty()) {
    json.null();
  } else {
    json.value(rule.source);
  }
  json.end_object();
}

void write_word_set(JsonWriter& json, const WordSet& set) {
  json.begin_object().key("id").identifier(set.id).member("defined_at", to_string(set.origin));
  json.key("members").begin_array();
  for (std::size_t i = 0; i < set.members.size(); ++i) {
    json.begin_object().member("word", set.members[i]);
    json.member("written_at", i < set.member_where.size() ? to_string(set.member_where[i]) : std::string{});
    const std::string& source = i < set.member_source.size() ? set.member_source[i] : std::string{};
    json.key("source");
    if (source.empty()) {
      json.null(); // written out in the rule file
    } else {
      json.value(source);
    }
    json.end_object();
  }
  json.end_array().end_object();
}

/// One shape for `rules list` and `rules show`: {"schema", "rules": [...], "word_sets": [...]}.
void write_json(const RuleSet& rules, const std::vector<const Rule*>& chosen, bool with_disabled, const WordSet* set) {
  JsonWriter json(2);
  json.begin_object().member("schema", k_json_schema_version).key("rules").begin_array();
  for (const Rule* rule : chosen) {
    write_rule(json, *rule, rules, nullptr);
  }
  if (with_disabled) {
    for (const auto& [rule, where] : rules.disabled_rules()) {
      write_rule(json, rule, rules, &where);
    }
  }
  json.end_array().key("word_sets").begin_array();
  if (set != nullptr) {
    write_word_set(json, *set);
  }
  json.end_array().end_object().raw("\n");
  write_stdout(json.text());
}

void list_tsv(const RuleSet& rules) {
  std::string out = "id\tdefined_at\teffects\n";
  for (const Rule& rule : rules.rules()) {
    out += fmt::format("{}\t{}\t{}\n", rule.id, tsv_field(to_string(rule.origin)), effects(rule, rules));
  }
  for (const auto& [rule, where] : rules.disabled_rules()) {
    out += fmt::format("{}\t{}\tdisabled at {}\n", rule.id, tsv_field(to_string(rule.origin)),
                       tsv_field(to_string(where)));
  }
  write_stdout(out);
}

// --long: each rule as three lines: its id and where it is, when it fires, what it does.
void list_long(const RuleSet& rules) {
  for (const Rule& rule : rules.rules()) {
    print_stdout("{}  {}\n  when: {}\n  does: {}\n", rule.id, to_string(rule.origin), describe(rule.when, rules),
                 effects(rule, rules));
  }
  for (const auto& [rule, where] : rules.disabled_rules()) {
    print_stdout("{}  {}\n  disabled at {}\n", rule.id, to_string(rule.origin), to_string(where));
  }
}

void list(const RuleSet& rules) {
  std::size_t id_width = 0;
  std::size_t origin_width = 0;
  for (const Rule& rule : rules.rules()) {
    id_width = std::max(id_width, rule.id.size());
    origin_width = std::max(origin_width, to_string(rule.origin).size());
  }
  for (const Rule& rule : rules.rules()) {
    print_stdout("{:<{}}  {:<{}}  {}\n", rule.id, id_width, to_string(rule.origin), origin_width, effects(rule, rules));
  }
  for (const auto& [rule, where] : rules.disabled_rules()) {
    print_stdout("{:<{}}  {:<{}}  disabled at {}\n", rule.id, id_width, to_string(rule.origin), origin_width,
                 to_string(where));
  }
}

void show(const Rule& rule, const RuleSet& rules) {
  const auto name = [&rules](TechniqueId id) { return rules.techniques()[id].id; };
  print_stdout("id:      {}\n", rule.id);
  print_stdout("origin:  {}\n", to_string(rule.origin));
  print_stdout("when:    {}\n", describe(rule.when, rules));
  for (const Weight& weight : rule.weights) {
    print_stdout("score:   {} {:+g}\n", name(weight.technique), weight.value);
  }
  for (TechniqueId id : rule.excludes) {
    print_stdout("exclude: {}\n", name(id));
  }
  for (const Caution& caution : rule.cautions) {
    print_stdout("caution: {}: {}\n", name(caution.technique), caution.text);
  }
  if (rule.referral) {
    print_stdout("refer:   {}: {}\n", to_string(rule.referral->level),
                 rule.referral->advice.empty() ? default_referral_advice(rule.referral->level) : rule.referral->advice);
  }
  if (!rule.advice.empty()) {
    print_stdout("advice:  {}\n", rule.advice);
  }
  print_stdout("because: {}\n", rule.because);
  if (!rule.source.empty()) {
    print_stdout("source:  {}\n", rule.source);
  }
}

int run_list(const RulesOptions& options) {
  const std::string& format = options.format.chosen();
  if (options.long_listing && format != "text") {
    throw Error(ErrorKind::invalid_input,
                fmt::format("--long lays out the text output: leave out --format {}", format));
  }
  const RuleSet rules = load_chosen_rules(options.rules);
  if (format == "json") {
    std::vector<const Rule*> all;
    for (const Rule& rule : rules.rules()) {
      all.push_back(&rule);
    }
    write_json(rules, all, true, nullptr);
  } else if (format == "tsv") {
    list_tsv(rules);
  } else if (options.long_listing) {
    list_long(rules);
  } else {
    list(rules);
  }
  return k_exit_ok;
}

// How often each warning sign's hints would ask it under Check first, over the scenarios'
// descriptions; the warnings for those that raise too many false alarms.
// With `print` false (JSON, SARIF), only the warnings.
std::vector<Diagnostic> report_hint_rates(const RuleSet& rules, const std::vector<std::string>& paths, bool print) {
  const std::vector<Scenario> scenarios = load_dated_scenarios(paths, rules);
  const std::vector<HintRate> rates = hint_rates(rules, scenarios);
  if (rates.empty() || !print) {
    return hint_rate_warnings(rates);
  }
  print_stdout("hints: how often each warning sign is asked under Check first, over {} scenario descriptions "
               "without a red flag and {} with one:\n",
               rates.front().without_red_flag, rates.front().with_red_flag);
  const auto percent = [](std::size_t part, std::size_t whole) {
    return whole == 0 ? 0.0 : 100.0 * static_cast<double>(part) / static_cast<double>(whole);
  };
  for (const HintRate& rate : rates) {
    const auto& tier = rate.question->tier;
    print_stdout("  {:<26} {:<9} {:>3} without ({:4.1f}%)  {:>3} with ({:4.1f}%)\n", rate.question->id,
                 tier ? to_string(*tier) : "no tier", rate.raised_without_red_flag,
                 percent(rate.raised_without_red_flag, rate.without_red_flag), rate.raised_with_red_flag,
                 percent(rate.raised_with_red_flag, rate.with_red_flag));
  }
  return hint_rate_warnings(rates);
}

// The warnings of --strict, in file and line order.
std::vector<Diagnostic> strict_warnings(const RuleSet& rules, std::vector<Diagnostic> hint_warnings) {
  auto warnings = lint_rules(rules);
  auto expansion_warnings = lint_expansions(rules, WordNetSource(wordnet_directory()));
  warnings.insert(warnings.end(), expansion_warnings.begin(), expansion_warnings.end());
  warnings.insert(warnings.end(), hint_warnings.begin(), hint_warnings.end());
  std::stable_sort(warnings.begin(), warnings.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.where.file, a.where.line, a.where.column) < std::tie(b.where.file, b.where.line, b.where.column);
  });
  return warnings;
}

int run_check(const RulesOptions& options) {
  const std::string& format = options.format.chosen();
  const bool text = format == "text";
  CheckReport report;
  std::optional<RuleSet> rules;
  try {
    rules.emplace(load_chosen_rules(options.rules, options.check_paths));
  } catch (const Error& error) {
    // For a program (JSON, SARIF) the rule files' problems are the report; a usage error is not.
    if (text || error.kind() == ErrorKind::invalid_input) {
      throw;
    }
    report.errors = error.diagnostics();
  }
  if (rules) {
    std::vector<Diagnostic> hint_warnings;
    if (!options.scenario_paths.empty()) {
      hint_warnings = report_hint_rates(*rules, options.scenario_paths, text);
    }
    if (options.strict) {
      report.warnings = strict_warnings(*rules, std::move(hint_warnings));
    }
    report.counts = RuleCounts{rules->techniques().size(), rules->concepts().size(), rules->rules().size(),
                               rules->disabled_rules().size()};
  }
  const bool failed = !report.errors.empty() || !report.warnings.empty();
  if (format == "json") {
    write_stdout(format_check_json(report));
    return failed ? k_exit_error : k_exit_ok;
  }
  if (format == "sarif") {
    write_stdout(format_check_sarif(report, BACKRELIEF_VERSION));
    return failed ? k_exit_error : k_exit_ok;
  }
  for (const Diagnostic& warning : report.warnings) {
    fmt::print(stderr, "backrelief: warning: {}\n", to_string(warning));
  }
  if (!report.warnings.empty()) {
    fmt::print(stderr, "backrelief: {} warnings (--strict)\n", report.warnings.size());
    return k_exit_error;
  }
  print_stdout("ok: {} techniques, {} concepts, {} rules ({} disabled)\n", report.counts->techniques,
               report.counts->concepts, report.counts->rules, report.counts->disabled);
  return k_exit_ok;
}

// A word set as loaded: every member, and where it came from: the line that wrote it, or the
// WordNet sense that brought it and the line that named the sense.
void show(const WordSet& set) {
  const auto expanded = static_cast<std::size_t>(std::count_if(set.member_source.begin(), set.member_source.end(),
                                                               [](const std::string& s) { return !s.empty(); }));
  print_stdout("word set: {}\n", set.id);
  print_stdout("origin:   {}\n", to_string(set.origin));
  print_stdout("members:  {} ({} written, {} expanded)\n", set.members.size(), set.members.size() - expanded, expanded);
  std::size_t width = 0;
  for (const std::string& member : set.members) {
    width = std::max(width, member.size());
  }
  for (std::size_t i = 0; i < set.members.size(); ++i) {
    const std::string& source = i < set.member_source.size() ? set.member_source[i] : std::string{};
    const std::string where = i < set.member_where.size() ? to_string(set.member_where[i]) : std::string{};
    print_stdout("  {:<{}}  {}\n", set.members[i], width,
                 source.empty() ? where : fmt::format("{}, named at {}", source, where));
  }
}

int run_show(const RulesOptions& options) {
  const RuleSet rules = load_chosen_rules(options.rules);
  const bool json = options.format.chosen() == "json";
  if (const Rule* rule = rules.find_rule(options.show_id)) {
    if (json) {
      write_json(rules, {rule}, false, nullptr);
    } else {
      show(*rule, rules);
    }
    return k_exit_ok;
  }
  if (const WordSet* set = rules.find_word_set(options.show_id)) {
    if (json) {
      write_json(rules, {}, false, set);
    } else {
      show(*set);
    }
    return k_exit_ok;
  }
  std::vector<std::string> names = rules.rule_ids();
  for (const WordSet& set : rules.word_sets()) {
    names.push_back(set.id);
  }
  throw Error(ErrorKind::invalid_input,
              fmt::format("unknown rule or word set '{}'{}", options.show_id, did_you_mean(options.show_id, names)));
}

} // namespace

void set_rules_command(CLI::App& app, int& status) {
  auto options = std::make_shared<RulesOptions>();
  CLI::App* command = app.add_subcommand("rules", "List, check or show the loaded rules");
  command->require_subcommand(1);

  CLI::App* list_command = command->add_subcommand("list", "Every loaded rule: id, file:line, what it does");
  add_format_option(*list_command, options->format, {"text", "json", "tsv"});
  list_command->add_flag("-l,--long", options->long_listing,
                         "Each rule in three lines: id and origin, when it fires in words, what it does");
  add_rule_options(*list_command, options->rules);
  list_command->callback([options, &status] { status = run_list(*options); });

  CLI::App* check_command = command->add_subcommand("check", "Validate rule files; exit 0 only when all are valid");
  check_command->add_option("path", options->check_paths, "Rule files or directories to check with the others")
      ->type_name("PATH");
  check_command->add_flag("--strict", options->strict,
                          "Also warn about rules that can never fire or add nothing, unused vocabulary and "
                          "techniques that can never rank first; any warning fails");
  check_command
      ->add_option("--scenarios", options->scenario_paths,
                   "Report how often each warning sign's hints ask it, over these scenario files' descriptions; "
                   "with --strict, too many on descriptions without a red flag is a warning (repeatable)")
      ->type_name("PATH")
      ->allow_extra_args(false);
  add_format_option(*check_command, options->format, {"text", "json", "sarif"});
  add_rule_options(*check_command, options->rules);
  check_command->callback([options, &status] { status = run_check(*options); });

  CLI::App* show_command = command->add_subcommand(
      "show", "One rule or word set as loaded, with its origin and where each member came from");
  show_command->add_option("id", options->show_id, "A rule id or a word set id")->required()->type_name("ID");
  add_format_option(*show_command, options->format, {"text", "json"});
  add_rule_options(*show_command, options->rules);
  show_command->callback([options, &status] { status = run_show(*options); });

  add_rules_diff_command(*command, status);

  command->footer("Examples:\n  backrelief rules list\n  backrelief rules check my-rules.yaml\n"
                  "  backrelief rules show low-pressure-favours-swedish");
}

} // namespace backrelief::cli
