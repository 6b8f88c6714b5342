#pragma once

#include "core/util/diagnostic.hpp"

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace backrelief {

/// One value written in the config file, with where it was written.
struct ConfigValue {
  std::string text;
  SourceLocation where;
};

/// One key of the config file: a single value, or a list for the repeatable settings.
struct ConfigSetting {
  std::string key;
  std::vector<ConfigValue> values;
  SourceLocation where; ///< of the key
};

/// A person's standing defaults (backrelief(1), FILES): pressure, goals, conditions...
/// Values are checked for shape here; names that depend on the rules (conditions, goals,
/// techniques) are checked once the rules are loaded.
class UserConfig {
public:
  UserConfig() = default;
  UserConfig(std::string file, std::vector<ConfigSetting> settings)
      : m_file(std::move(file)), m_settings(std::move(settings)) {}

  /// The setting for a key, or null when the file does not set it.
  [[nodiscard]] const ConfigSetting* find(std::string_view key) const;
  /// Every setting in the order written.
  [[nodiscard]] const std::vector<ConfigSetting>& settings() const { return m_settings; }
  /// The file's name, as given.
  [[nodiscard]] const std::string& file() const { return m_file; }

private:
  std::string m_file;
  std::vector<ConfigSetting> m_settings;
};

/// The keys a config file may set, in the order `backrelief config` shows them.
std::span<const std::string> user_config_keys();

/// True for a key that takes a list (goals, areas, conditions, avoid).
bool is_list_setting(std::string_view key);

/// Reads a config file's text strictly: unknown or repeated keys, wrong shapes and bad values
/// are errors with their file:line:column and a "did you mean". Throws Error (invalid_config).
UserConfig parse_user_config(std::string file, const std::string& text);

} // namespace backrelief
