#include "core/config/user_config.hpp"

#include "core/model/duration.hpp"
#include "core/model/pressure.hpp"
#include "core/util/edit_distance.hpp"
#include "core/yaml/yaml_reader.hpp"

#include <algorithm>
#include <array>
#include <fmt/format.h>

namespace backrelief {

namespace {

const std::vector<std::string> k_keys{"pressure", "goals",    "areas", "conditions", "avoid",
                                      "age",      "duration", "top",   "format",     "color"};
const std::array<std::string_view, 4> k_list_keys{"goals", "areas", "conditions", "avoid"};
const std::vector<std::string> k_formats{"text", "json", "tsv"};
const std::vector<std::string> k_colors{"auto", "always", "never"};

constexpr int k_max_config_age = 130;
constexpr int k_max_top = 1000000;

class ConfigReader {
public:
  explicit ConfigReader(std::string file) : m_reader(std::move(file), m_problems) {}

  UserConfig read(const std::string& text) {
    std::vector<ConfigSetting> settings;
    const auto root = m_reader.parse(text);
    // An empty file, or one of comments only, sets nothing.
    if (root && !root->IsNull()) {
      if (const auto fields = m_reader.mapping(*root, k_keys, "the config file")) {
        for (const Field& field : fields->all()) {
          if (auto setting = read_setting(field)) {
            settings.push_back(std::move(*setting));
          }
        }
      }
    }
    if (!m_problems.empty()) {
      throw Error(ErrorKind::invalid_config, std::move(m_problems));
    }
    return {m_reader.file(), std::move(settings)};
  }

private:
  std::optional<ConfigSetting> read_setting(const Field& field) {
    ConfigSetting setting{field.key, {}, m_reader.where(field.key_node)};
    if (is_list_setting(field.key)) {
      const auto items = m_reader.scalar_list(field.value, field.key);
      if (!items) {
        return std::nullopt;
      }
      for (const YAML::Node& item : *items) {
        if (auto text = m_reader.text(item, field.key)) {
          setting.values.push_back({std::move(*text), m_reader.where(item)});
        }
      }
      return setting;
    }
    const auto text = checked_scalar(field);
    if (!text) {
      return std::nullopt;
    }
    setting.values.push_back({*text, m_reader.where(field.value)});
    return setting;
  }

  // A single value, checked as far as it can be without the rules.
  std::optional<std::string> checked_scalar(const Field& field) {
    const std::string& key = field.key;
    if (key == "age" || key == "top") {
      const auto number = m_reader.integer(field.value, key);
      if (!number) {
        return std::nullopt;
      }
      const int low = key == "age" ? 0 : 1;
      const int high = key == "age" ? k_max_config_age : k_max_top;
      if (*number < low || *number > high) {
        m_reader.error(field.value, fmt::format("{}: {} is out of range ({} to {})", key, *number, low, high));
        return std::nullopt;
      }
      return std::to_string(*number);
    }
    auto text = m_reader.text(field.value, key);
    if (!text) {
      return std::nullopt;
    }
    if (key == "pressure" && !parse_pressure(*text)) {
      return reject(field, *text, "low, medium or firm", pressure_spellings());
    }
    if (key == "duration" && !parse_duration_weeks(*text)) {
      m_reader.error(field.value,
                     fmt::format("duration: cannot read '{}': expected a span such as 10d, 3w, 6m or 2y", *text));
      return std::nullopt;
    }
    if (key == "format" && std::find(k_formats.begin(), k_formats.end(), *text) == k_formats.end()) {
      return reject(field, *text, "text, json or tsv", k_formats);
    }
    if (key == "color" && std::find(k_colors.begin(), k_colors.end(), *text) == k_colors.end()) {
      return reject(field, *text, "auto, always or never", k_colors);
    }
    return text;
  }

  std::nullopt_t reject(const Field& field, const std::string& text, std::string_view expected,
                        const std::vector<std::string>& known) {
    m_reader.error(field.value, fmt::format("{}: unknown value '{}': expected {}{}", field.key, text, expected,
                                            did_you_mean(text, known)));
    return std::nullopt;
  }

  std::vector<Diagnostic> m_problems;
  YamlReader m_reader;
};

} // namespace

const ConfigSetting* UserConfig::find(std::string_view key) const {
  const auto found = std::find_if(m_settings.begin(), m_settings.end(),
                                  [&](const ConfigSetting& setting) { return setting.key == key; });
  return found == m_settings.end() ? nullptr : &*found;
}

std::span<const std::string> user_config_keys() {
  return k_keys;
}

bool is_list_setting(std::string_view key) {
  return std::find(k_list_keys.begin(), k_list_keys.end(), key) != k_list_keys.end();
}

UserConfig parse_user_config(std::string file, const std::string& text) {
  return ConfigReader(std::move(file)).read(text);
}

} // namespace backrelief
