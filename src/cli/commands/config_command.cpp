#include "cli/commands/commands.hpp"
#include "cli/commands/exit_status.hpp"
#include "cli/input/profile_options.hpp"
#include "cli/input/rule_options.hpp"
#include "cli/input/settings.hpp"
#include "cli/io/standard_output.hpp"
#include "cli/output/tsv_field.hpp"
#include "report/json_document.hpp"
#include "report/json_writer.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <iterator>
#include <memory>

namespace backrelief::cli {

namespace {

struct ConfigOptions {
  ProfileOptions profile;
  bool path_only = false;
};

std::string config_file_line(const Settings& settings) {
  const ConfigFileChoice& choice = settings.config_file;
  if (!choice.path) {
    return fmt::format("(none)\t{}", choice.origin);
  }
  return fmt::format("{}{}\t{}", choice.path->string(), settings.config_file_found ? "" : " (not found)",
                     choice.origin);
}

// Three columns, aligned: the setting, each of its values, and where each came from.
std::string settings_table(const Settings& settings, const std::vector<RulePath>& rule_paths) {
  std::vector<std::array<std::string, 3>> rows;
  const std::string config_line = config_file_line(settings);
  const std::size_t tab = config_line.find('\t');
  rows.push_back({"config", config_line.substr(0, tab), config_line.substr(tab + 1)});
  for (const Setting& setting : settings.shown) {
    if (setting.values.empty()) {
      rows.push_back({setting.name, "-", "not set"});
    }
    for (std::size_t i = 0; i < setting.values.size(); ++i) {
      rows.push_back({i == 0 ? setting.name : "", setting.values[i].value, setting.values[i].origin});
    }
  }
  for (std::size_t i = 0; i < rule_paths.size(); ++i) {
    rows.push_back({i == 0 ? "rules" : "", rule_paths[i].path, rule_paths[i].origin});
  }
  // The values of settings set the column; paths (the config file, rule paths) would push every
  // origin far right, so a path, or any long value, overflows its column instead.
  constexpr std::size_t k_max_value_width = 24;
  std::size_t name_width = 0;
  std::size_t value_width = 0;
  for (const auto& row : rows) {
    name_width = std::max(name_width, row[0].size());
  }
  for (const Setting& setting : settings.shown) {
    for (const SettingValue& value : setting.values) {
      if (value.value.size() <= k_max_value_width) {
        value_width = std::max(value_width, value.value.size());
      }
    }
  }
  value_width = std::max(value_width, std::size_t{1}); // "-" for a setting not set
  std::string out;
  for (const auto& row : rows) {
    fmt::format_to(std::back_inserter(out), "{:<{}}  {:<{}}  {}\n", row[0], name_width, row[1], value_width, row[2]);
  }
  return out;
}

// For scripts: the same facts as the table, each value with its origin.
std::string settings_json(const Settings& settings, const std::vector<RulePath>& rule_paths) {
  JsonWriter json(2);
  json.begin_object().member("schema", k_json_schema_version).key("config_file").begin_object();
  json.key("path");
  if (settings.config_file.path) {
    json.value(settings.config_file.path->string());
  } else {
    json.null();
  }
  json.member("found", settings.config_file_found).member("origin", settings.config_file.origin).end_object();
  json.key("settings").begin_array();
  for (const Setting& setting : settings.shown) {
    json.begin_object().key("name").identifier(setting.name).key("values").begin_array();
    for (const SettingValue& value : setting.values) {
      json.begin_object().member("value", value.value).member("origin", value.origin).end_object();
    }
    json.end_array().end_object();
  }
  json.end_array().key("rules").begin_array();
  for (const RulePath& path : rule_paths) {
    json.begin_object().member("path", path.path).member("origin", path.origin).end_object();
  }
  json.end_array().end_object().raw("\n");
  return std::string(json.text());
}

std::string settings_tsv(const Settings& settings, const std::vector<RulePath>& rule_paths) {
  std::string out = "setting\tvalue\torigin\n";
  const std::string config_line = config_file_line(settings);
  out += "config\t" + tsv_field(config_line.substr(0, config_line.find('\t'))) + "\t" +
         tsv_field(config_line.substr(config_line.find('\t') + 1)) + "\n";
  for (const Setting& setting : settings.shown) {
    for (const SettingValue& value : setting.values) {
      out += fmt::format("{}\t{}\t{}\n", setting.name, tsv_field(value.value), tsv_field(value.origin));
    }
  }
  for (const RulePath& path : rule_paths) {
    out += fmt::format("rules\t{}\t{}\n", tsv_field(path.path), tsv_field(path.origin));
  }
  return out;
}

void run_config(const ConfigOptions& options) {
  const SettingsEnvironment environment = SettingsEnvironment::current();
  const ConfigFileChoice choice = choose_config_file(options.profile, environment);
  if (options.path_only) {
    if (!choice.path) {
      throw Error(ErrorKind::invalid_input, fmt::format("no config file is read ({})", choice.origin));
    }
    write_stdout(choice.path->string() + "\n");
    return;
  }
  const std::optional<UserConfig> config = read_config_file(choice);
  const auto paths = rule_paths_with_origins(options.profile.rules);
  const RuleSet rules = load_chosen_rules(options.profile.rules);
  const Settings settings = resolve_settings(options.profile, choice, config, environment, rules);
  // Only the flags choose this command's own output: a config file's `format: json` is a
  // setting shown for recommend, not a reason to print the table as JSON.
  const std::string format = options.profile.json ? "json" : options.profile.format.value_or("text");
  write_stdout(format == "json"  ? settings_json(settings, paths)
               : format == "tsv" ? settings_tsv(settings, paths)
                                 : settings_table(settings, paths));
}

} // namespace

void set_config_command(CLI::App& app, int& status) {
  auto options = std::make_shared<ConfigOptions>();
  CLI::App* command = app.add_subcommand(
      "config", "Show every setting recommend would use and where it comes from (flag, environment, file, default)");
  add_profile_options(*command, options->profile);
  command->add_flag("--path", options->path_only, "Print only the path of the config file that would be read");
  command->footer("With --format json or tsv (or --json) the settings come out for scripts; the flags choose "
                  "that, never the file.\nThe config file is YAML: see backrelief(1), CONFIG FILE. Example:\n"
                  "  pressure: low\n"
                  "  conditions: [blood-thinners]");
  command->callback([options, &status] {
    run_config(*options);
    status = k_exit_ok;
  });
}

} // namespace backrelief::cli
