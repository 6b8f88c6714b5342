#include "cli/input/settings.hpp"

#include "cli/io/environment.hpp"
#include "cli/io/user_path.hpp"
#include "core/util/edit_distance.hpp"

#include <cstdlib>
#include <fmt/format.h>
#include <fstream>
#include <sstream>

namespace backrelief::cli {

namespace {

// A config file holds a handful of keys; anything this big is a mistake, not a config.
constexpr std::uintmax_t k_max_config_bytes = std::uintmax_t{1024} * 1024;

// Built step by step: GCC 12 warns falsely about a braced list of Diagnostics with strings.
Error config_file_error(const std::string& name, std::string message) {
  std::vector<Diagnostic> problems;
  problems.push_back(Diagnostic{SourceLocation{name, 0, 0}, std::move(message)});
  return {ErrorKind::invalid_config, std::move(problems)};
}

std::string origin_of(const ConfigValue& value) {
  return to_string(value.where);
}

class SettingsResolver {
public:
  SettingsResolver(const ProfileOptions& flags, const std::optional<UserConfig>& config, const RuleSet& rules)
      : m_flags(flags), m_config(config), m_rules(rules) {}

  Settings resolve(const ConfigFileChoice& choice, const SettingsEnvironment& environment) {
    Settings settings;
    settings.config_file = choice;
    settings.config_file_found = m_config.has_value();
    single("pressure", m_flags.person.pressure, "--pressure", settings.input.pressure, settings);
    list("goals", m_flags.person.goals, "--goal", ConceptKind::goal, false, settings.input.goals, settings);
    list("areas", m_flags.person.areas, "--area", ConceptKind::area, false, settings.input.areas, settings);
    list("conditions", m_flags.person.conditions, "--condition", ConceptKind::condition, true,
         settings.input.conditions, settings);
    avoid(settings);
    std::optional<std::string> age;
    single("age", m_flags.person.age ? std::optional{std::to_string(*m_flags.person.age)} : std::nullopt, "--age", age,
           settings);
    if (age) {
      settings.input.age = std::stoi(*age);
    }
    single("duration", m_flags.person.duration, "--duration", settings.input.duration, settings);
    settings.input.intensity = m_flags.person.intensity;
    settings.input.answers = m_flags.person.answers;
    std::optional<std::string> top;
    single("top", m_flags.top ? std::optional{std::to_string(*m_flags.top)} : std::nullopt, "--top", top, settings);
    if (top) {
      settings.top = std::stoul(*top);
    }
    format(settings);
    color(settings, environment);
    if (!m_problems.empty()) {
      throw Error(ErrorKind::invalid_config, std::move(m_problems));
    }
    return settings;
  }

private:
  void single(const std::string& name, const std::optional<std::string>& flag, std::string_view option,
              std::optional<std::string>& out, Settings& settings) {
    Setting shown{name, {}};
    if (flag) {
      out = flag;
      shown.values.push_back({*flag, fmt::format("flag {}", option)});
    } else if (const ConfigSetting* setting = from_config(name)) {
      out = setting->values.front().text;
      shown.values.push_back({*out, origin_of(setting->values.front())});
    }
    settings.shown.push_back(std::move(shown));
  }

  // Goals and areas describe today, so the command line replaces the file's; conditions are
  // standing facts, so the two add up.
  void list(const std::string& name, const std::vector<std::string>& flags, std::string_view option, ConceptKind kind,
            bool accumulate, std::vector<std::string>& out, Settings& settings) {
    Setting shown{name, {}};
    const ConfigSetting* setting = from_config(name);
    const bool used = accumulate || flags.empty();
    if (setting != nullptr) {
      // Checked even when the flags replace them: `config` is how a person validates the file.
      for (const ConfigValue& value : setting->values) {
        if (known(kind, value, name) && used) {
          out.push_back(value.text);
          shown.values.push_back({value.text, origin_of(value)});
        }
      }
    }
    for (const std::string& value : flags) {
      out.push_back(value);
      shown.values.push_back({value, fmt::format("flag {}", option)});
    }
    settings.shown.push_back(std::move(shown));
  }

  void avoid(Settings& settings) {
    Setting shown{"avoid", {}};
    if (const ConfigSetting* setting = from_config("avoid")) {
      for (const ConfigValue& value : setting->values) {
        if (m_rules.find_technique(value.text)) {
          settings.input.avoid.push_back(value.text);
          shown.values.push_back({value.text, origin_of(value)});
        } else {
          m_problems.push_back({value.where, fmt::format("avoid: unknown technique '{}'{}", value.text,
                                                         did_you_mean(value.text, m_rules.technique_names()))});
        }
      }
    }
    for (const std::string& value : m_flags.person.avoid) {
      settings.input.avoid.push_back(value);
      shown.values.push_back({value, "flag --avoid"});
    }
    settings.shown.push_back(std::move(shown));
  }

  void format(Settings& settings) {
    Setting shown{"format", {}};
    if (m_flags.json) {
      settings.format = "json";
      shown.values.push_back({"json", "flag --json"});
    } else if (m_flags.format) {
      settings.format = *m_flags.format;
      shown.values.push_back({settings.format, "flag --format"});
    } else if (const ConfigSetting* setting = from_config("format")) {
      settings.format = setting->values.front().text;
      shown.values.push_back({settings.format, origin_of(setting->values.front())});
    } else {
      shown.values.push_back({settings.format, "default"});
    }
    settings.shown.push_back(std::move(shown));
  }

  // As no-color.org asks, a flag or the config file overrides NO_COLOR; NO_COLOR overrides the default.
  void color(Settings& settings, const SettingsEnvironment& environment) {
    Setting shown{"color", {}};
    if (m_flags.color) {
      settings.color = *m_flags.color;
      shown.values.push_back({settings.color, "flag --color"});
    } else if (const ConfigSetting* setting = from_config("color")) {
      settings.color = setting->values.front().text;
      shown.values.push_back({settings.color, origin_of(setting->values.front())});
    } else if (!environment.no_color.empty()) {
      settings.color = "never";
      shown.values.push_back({settings.color, "environment NO_COLOR"});
    } else if (environment.term == "dumb") {
      settings.color = "never";
      shown.values.push_back({settings.color, "environment TERM=dumb"});
    } else {
      shown.values.push_back({settings.color, "default"});
    }
    settings.shown.push_back(std::move(shown));
  }

  bool known(ConceptKind kind, const ConfigValue& value, const std::string& name) {
    if (m_rules.find_concept(kind, value.text)) {
      return true;
    }
    m_problems.push_back({value.where, fmt::format("{}: unknown value '{}'{}", name, value.text,
                                                   did_you_mean(value.text, m_rules.concept_names(kind)))});
    return false;
  }

  const ConfigSetting* from_config(std::string_view key) const { return m_config ? m_config->find(key) : nullptr; }

  const ProfileOptions& m_flags;
  const std::optional<UserConfig>& m_config;
  const RuleSet& m_rules;
  std::vector<Diagnostic> m_problems;
};

} // namespace

SettingsEnvironment SettingsEnvironment::current() {
  return {environment_variable("NO_COLOR"), environment_variable("TERM"), environment_variable("BACKRELIEF_CONFIG"),
          cli::user_config_directory()};
}

ConfigFileChoice choose_config_file(const ProfileOptions& flags, const SettingsEnvironment& environment) {
  if (flags.no_config) {
    return {std::nullopt, "flag --no-config", false};
  }
  if (flags.config) {
    return {std::filesystem::path(*flags.config), "flag --config", true};
  }
  if (!environment.config.empty()) {
    return {std::filesystem::path(environment.config), "environment BACKRELIEF_CONFIG", true};
  }
  if (environment.user_config_directory.empty()) {
    return {std::nullopt, "no $XDG_CONFIG_HOME or $HOME", false};
  }
  return {environment.user_config_directory / "config.yaml", "default", false};
}

std::optional<UserConfig> read_config_file(const ConfigFileChoice& choice) {
  if (!choice.path) {
    return std::nullopt;
  }
  const std::string name = choice.path->string();
  const UserPath seen = look_at(*choice.path);
  if (seen.absent) {
    if (!choice.required) {
      return std::nullopt;
    }
    throw config_file_error(name, "cannot read the config file: no such file");
  }
  if (!seen.problem.empty()) {
    throw config_file_error(
        name, fmt::format("cannot read the config file: {}; fix it, or run with --no-config", seen.problem));
  }
  const auto& status = seen.status;
  std::error_code error;
  if (!std::filesystem::is_regular_file(status)) {
    throw config_file_error(name, "cannot read the config file: not a regular file");
  }
  if (std::filesystem::file_size(*choice.path, error) > k_max_config_bytes) {
    throw config_file_error(name, fmt::format("the config file is larger than {} bytes", k_max_config_bytes));
  }
  std::ifstream file(*choice.path, std::ios::binary);
  std::ostringstream text;
  text << file.rdbuf();
  if (!file) {
    throw config_file_error(name, "cannot read the config file");
  }
  return parse_user_config(name, text.str());
}

Settings resolve_settings(const ProfileOptions& flags, const ConfigFileChoice& choice,
                          const std::optional<UserConfig>& config, const SettingsEnvironment& environment,
                          const RuleSet& rules) {
  return SettingsResolver(flags, config, rules).resolve(choice, environment);
}

} // namespace backrelief::cli
