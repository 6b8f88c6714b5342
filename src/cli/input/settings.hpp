#pragma once

#include "cli/input/profile_options.hpp"
#include "core/config/user_config.hpp"
#include "core/engine/profile.hpp"
#include "core/rules/rule_set.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace backrelief::cli {

/// The environment variables settings depend on, read once at the boundary.
struct SettingsEnvironment {
  std::string no_color;                        ///< NO_COLOR
  std::string term;                            ///< TERM
  std::string config;                          ///< BACKRELIEF_CONFIG
  std::filesystem::path user_config_directory; ///< $XDG_CONFIG_HOME/backrelief, or empty

  /// The process's environment.
  static SettingsEnvironment current();
};

/// One effective value and where it came from: "flag --pressure", "FILE:LINE:COLUMN",
/// "environment NO_COLOR", "default".
struct SettingValue {
  std::string value;
  std::string origin;
};

/// A setting as `backrelief config` shows it; no values means not set.
struct Setting {
  std::string name;
  std::vector<SettingValue> values;
};

/// Which config file to read, and why.
struct ConfigFileChoice {
  std::optional<std::filesystem::path> path; ///< none with --no-config or no known home
  std::string origin;
  bool required = false; ///< named by a flag or the environment: it must exist
};

/// What `recommend` runs with: the command line over the config file over the defaults.
struct Settings {
  ConfigFileChoice config_file;
  bool config_file_found = false;
  ProfileInput input; ///< the person; description not included
  std::optional<std::size_t> top;
  std::string format = "text";
  std::string color = "auto";
  std::vector<Setting> shown; ///< every setting with its origin, in `backrelief config` order
};

/// Picks the config file: --no-config, --config, $BACKRELIEF_CONFIG, then the user's.
ConfigFileChoice choose_config_file(const ProfileOptions& flags, const SettingsEnvironment& environment);

/// Reads the chosen config file; none when it is optional and missing. Throws Error
/// (invalid_config) for an unreadable or invalid file.
std::optional<UserConfig> read_config_file(const ConfigFileChoice& choice);

/// Merges the flags over the config file: single values from the command line win; conditions
/// and avoided techniques add up, since a standing fact holds whatever else is named. Names in
/// the config file are checked against the rules, with their file:line:column. Throws Error.
Settings resolve_settings(const ProfileOptions& flags, const ConfigFileChoice& choice,
                          const std::optional<UserConfig>& config, const SettingsEnvironment& environment,
                          const RuleSet& rules);

} // namespace backrelief::cli
