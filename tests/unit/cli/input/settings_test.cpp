#include "cli/input/settings.hpp"

#include "core/rules/rule_loader.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <string>
#include <unistd.h>
#include <vector>

namespace backrelief::cli {
namespace {

namespace fs = std::filesystem;

/// An environment with nothing set, independent of the process's.
SettingsEnvironment empty_environment() {
  return SettingsEnvironment{};
}

/// The diagnostics of an Error, as `file:line:column: message`.
std::vector<std::string> lines_of(const Error& error) {
  std::vector<std::string> lines;
  for (const Diagnostic& diagnostic : error.diagnostics()) {
    lines.push_back(to_string(diagnostic));
  }
  return lines;
}

/// A setting as shown, as `value<origin>` strings.
std::vector<std::string> shown(const Settings& settings, std::string_view name) {
  const auto found = std::find_if(settings.shown.begin(), settings.shown.end(),
                                  [&](const Setting& setting) { return setting.name == name; });
  if (found == settings.shown.end()) {
    ADD_FAILURE() << "no shown setting '" << name << "'";
    return {};
  }
  std::vector<std::string> values;
  for (const SettingValue& value : found->values) {
    values.push_back(value.value + "<" + value.origin + ">");
  }
  return values;
}

// ---------------------------------------------------------------- choose_config_file

TEST(SettingsChooseConfigFile, NoConfigBeatsEverything) {
  ProfileOptions flags;
  flags.no_config = true;
  flags.config = "/flag/config.yaml";
  SettingsEnvironment environment = empty_environment();
  environment.config = "/env/config.yaml";
  environment.user_config_directory = "/home/me/.config/backrelief";
  const ConfigFileChoice choice = choose_config_file(flags, environment);
  EXPECT_FALSE(choice.path.has_value());
  EXPECT_EQ(choice.origin, "flag --no-config");
  EXPECT_FALSE(choice.required);
}

TEST(SettingsChooseConfigFile, ConfigFlagBeatsTheEnvironment) {
  ProfileOptions flags;
  flags.config = "/flag/config.yaml";
  SettingsEnvironment environment = empty_environment();
  environment.config = "/env/config.yaml";
  environment.user_config_directory = "/home/me/.config/backrelief";
  const ConfigFileChoice choice = choose_config_file(flags, environment);
  ASSERT_TRUE(choice.path.has_value());
  EXPECT_EQ(choice.path->string(), "/flag/config.yaml");
  EXPECT_EQ(choice.origin, "flag --config");
  EXPECT_TRUE(choice.required);
}

TEST(SettingsChooseConfigFile, EnvironmentBeatsTheUserDirectory) {
  SettingsEnvironment environment = empty_environment();
  environment.config = "/env/config.yaml";
  environment.user_config_directory = "/home/me/.config/backrelief";
  const ConfigFileChoice choice = choose_config_file(ProfileOptions{}, environment);
  ASSERT_TRUE(choice.path.has_value());
  EXPECT_EQ(choice.path->string(), "/env/config.yaml");
  EXPECT_EQ(choice.origin, "environment BACKRELIEF_CONFIG");
  EXPECT_TRUE(choice.required);
}

TEST(SettingsChooseConfigFile, UserDirectoryIsTheOptionalDefault) {
  SettingsEnvironment environment = empty_environment();
  environment.user_config_directory = "/home/me/.config/backrelief";
  const ConfigFileChoice choice = choose_config_file(ProfileOptions{}, environment);
  ASSERT_TRUE(choice.path.has_value());
  EXPECT_EQ(choice.path->string(), "/home/me/.config/backrelief/config.yaml");
  EXPECT_EQ(choice.origin, "default");
  EXPECT_FALSE(choice.required);
}

TEST(SettingsChooseConfigFile, NoHomeMeansNoFile) {
  const ConfigFileChoice choice = choose_config_file(ProfileOptions{}, empty_environment());
  EXPECT_FALSE(choice.path.has_value());
  EXPECT_EQ(choice.origin, "no $XDG_CONFIG_HOME or $HOME");
  EXPECT_FALSE(choice.required);
}

// ---------------------------------------------------------------- read_config_file

/// A fresh directory under the system's temporary directory, removed afterwards.
class SettingsFiles : public ::testing::Test {
protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    m_directory = fs::temp_directory_path() /
                  (std::string("backrelief-settings-test-") + std::to_string(::getpid()) + "-" + info->name());
    fs::remove_all(m_directory);
    ASSERT_TRUE(fs::create_directories(m_directory));
  }
  void TearDown() override {
    std::error_code ignored;
    fs::remove_all(m_directory, ignored);
  }

  fs::path write(const std::string& name, const std::string& text) const {
    const fs::path path = m_directory / name;
    std::ofstream file(path, std::ios::binary);
    file << text;
    file.close();
    EXPECT_TRUE(file.good()) << path;
    return path;
  }

  static ConfigFileChoice choice_of(const fs::path& path, bool required) { return {path, "test", required}; }

  /// The error reading a file must raise.
  static Error read_error(const ConfigFileChoice& choice) {
    try {
      read_config_file(choice);
    } catch (const Error& error) {
      return error;
    }
    ADD_FAILURE() << "the config file was read";
    return Error(ErrorKind::io, "no error");
  }

  fs::path m_directory;
};

TEST_F(SettingsFiles, NoPathReadsNothing) {
  EXPECT_FALSE(read_config_file(ConfigFileChoice{std::nullopt, "flag --no-config", false}).has_value());
}

TEST_F(SettingsFiles, MissingOptionalFileIsNotAnError) {
  EXPECT_FALSE(read_config_file(choice_of(m_directory / "config.yaml", false)).has_value());
}

TEST_F(SettingsFiles, MissingRequiredFileNamesThePath) {
  const fs::path path = m_directory / "missing.yaml";
  const Error error = read_error(choice_of(path, true));
  EXPECT_EQ(error.kind(), ErrorKind::invalid_config);
  EXPECT_EQ(lines_of(error), (std::vector<std::string>{path.string() + ": cannot read the config file: no such file"}));
  EXPECT_NE(std::string(error.what()).find(path.string()), std::string::npos);
}

TEST_F(SettingsFiles, DirectoryIsNotARegularFile) {
  const fs::path path = m_directory / "config.yaml";
  ASSERT_TRUE(fs::create_directory(path));
  for (bool required : {true, false}) {
    const Error error = read_error(choice_of(path, required));
    EXPECT_EQ(error.kind(), ErrorKind::invalid_config);
    EXPECT_EQ(lines_of(error),
              (std::vector<std::string>{path.string() + ": cannot read the config file: not a regular file"}));
  }
}

TEST_F(SettingsFiles, OversizedFileIsRefused) {
  const std::string line = "# " + std::string(61, 'x') + "\n"; // 64 bytes
  std::string text;
  for (int i = 0; i < 16 * 1024; ++i) {
    text += line;
  }
  ASSERT_EQ(text.size(), 1024U * 1024U);
  // Exactly 1 MiB is still read.
  const fs::path limit = write("limit.yaml", text);
  const auto config = read_config_file(choice_of(limit, true));
  ASSERT_TRUE(config.has_value());
  EXPECT_TRUE(config->settings().empty());
  // One byte more is refused.
  const fs::path big = write("big.yaml", text + "\n");
  const Error error = read_error(choice_of(big, false));
  EXPECT_EQ(error.kind(), ErrorKind::invalid_config);
  EXPECT_EQ(lines_of(error),
            (std::vector<std::string>{big.string() + ": the config file is larger than 1048576 bytes"}));
}

TEST_F(SettingsFiles, ReadsAFileWithItsPathInEveryPlace) {
  const fs::path path = write("config.yaml", "pressure: low\nconditions: [blood-thinners]\n");
  const auto config = read_config_file(choice_of(path, false));
  ASSERT_TRUE(config.has_value());
  EXPECT_EQ(config->file(), path.string());
  const ConfigSetting* conditions = config->find("conditions");
  ASSERT_NE(conditions, nullptr);
  ASSERT_EQ(conditions->values.size(), 1U);
  EXPECT_EQ(conditions->values[0].text, "blood-thinners");
  EXPECT_EQ(to_string(conditions->values[0].where), path.string() + ":2:14");
}

TEST_F(SettingsFiles, EmptyFileIsFoundAndSetsNothing) {
  const fs::path path = write("config.yaml", "");
  const auto config = read_config_file(choice_of(path, true));
  ASSERT_TRUE(config.has_value());
  EXPECT_TRUE(config->settings().empty());
}

TEST_F(SettingsFiles, InvalidFileReportsItsPlaces) {
  const fs::path path = write("config.yaml", "presure: low\ntop: 0\n");
  const Error error = read_error(choice_of(path, false));
  EXPECT_EQ(error.kind(), ErrorKind::invalid_config);
  EXPECT_EQ(lines_of(error),
            (std::vector<std::string>{path.string() +
                                          ":1:1: unknown key 'presure' in the config file (did you mean 'pressure'?)",
                                      path.string() + ":2:6: top: 0 is out of range (1 to 1000000)"}));
}

// ---------------------------------------------------------------- resolve_settings

/// The rules shipped in rules/, loaded once.
class SettingsResolve : public ::testing::Test {
protected:
  static void SetUpTestSuite() { s_rules = new RuleSet(load_rules(read_rule_sources(BACKRELIEF_TEST_RULES_DIR))); }
  static void TearDownTestSuite() {
    delete s_rules;
    s_rules = nullptr;
  }

  static Settings resolve(const ProfileOptions& flags, const std::string& config_text,
                          const SettingsEnvironment& environment = empty_environment()) {
    const ConfigFileChoice choice{fs::path("cfg.yaml"), "flag --config", true};
    return resolve_settings(flags, choice, parse_user_config("cfg.yaml", config_text), environment, *s_rules);
  }

  static Settings resolve_without_config(const ProfileOptions& flags,
                                         const SettingsEnvironment& environment = empty_environment()) {
    const ConfigFileChoice choice{std::nullopt, "flag --no-config", false};
    return resolve_settings(flags, choice, std::nullopt, environment, *s_rules);
  }

  static Error resolve_error(const ProfileOptions& flags, const std::string& config_text) {
    try {
      resolve(flags, config_text);
    } catch (const Error& error) {
      return error;
    }
    ADD_FAILURE() << "the settings resolved";
    return Error(ErrorKind::io, "no error");
  }

  static const RuleSet* s_rules;
};

const RuleSet* SettingsResolve::s_rules = nullptr;

const std::string k_full_config = "pressure: low\n"                // 1
                                  "goals: [relief, mobility]\n"    // 2
                                  "areas: lower-back\n"            // 3
                                  "conditions: [blood-thinners]\n" // 4
                                  "avoid: deep-tissue\n"           // 5
                                  "age: 40\n"                      // 6
                                  "duration: 3w\n"                 // 7
                                  "top: 2\n"                       // 8
                                  "format: tsv\n"                  // 9
                                  "color: always\n";               // 10

TEST_F(SettingsResolve, ShowsEverySettingInConfigOrder) {
  const Settings settings = resolve_without_config(ProfileOptions{});
  std::vector<std::string> names;
  for (const Setting& setting : settings.shown) {
    names.push_back(setting.name);
  }
  const auto keys = user_config_keys();
  EXPECT_EQ(names, std::vector<std::string>(keys.begin(), keys.end()));
}

TEST_F(SettingsResolve, NothingGivenLeavesTheDefaults) {
  const Settings settings = resolve_without_config(ProfileOptions{});
  EXPECT_FALSE(settings.config_file_found);
  EXPECT_FALSE(settings.config_file.path.has_value());
  EXPECT_EQ(settings.config_file.origin, "flag --no-config");
  EXPECT_FALSE(settings.input.pressure.has_value());
  EXPECT_TRUE(settings.input.goals.empty());
  EXPECT_TRUE(settings.input.conditions.empty());
  EXPECT_TRUE(settings.input.avoid.empty());
  EXPECT_FALSE(settings.input.age.has_value());
  EXPECT_FALSE(settings.input.duration.has_value());
  EXPECT_TRUE(settings.input.description.empty());
  EXPECT_FALSE(settings.top.has_value());
  EXPECT_EQ(settings.format, "text");
  EXPECT_EQ(settings.color, "auto");
  EXPECT_TRUE(shown(settings, "pressure").empty());
  EXPECT_TRUE(shown(settings, "conditions").empty());
  EXPECT_TRUE(shown(settings, "top").empty());
  EXPECT_EQ(shown(settings, "format"), (std::vector<std::string>{"text<default>"}));
  EXPECT_EQ(shown(settings, "color"), (std::vector<std::string>{"auto<default>"}));
}

TEST_F(SettingsResolve, ConfigValuesCarryTheirPlace) {
  const Settings settings = resolve(ProfileOptions{}, k_full_config);
  EXPECT_TRUE(settings.config_file_found);
  ASSERT_TRUE(settings.config_file.path.has_value());
  EXPECT_EQ(settings.config_file.path->string(), "cfg.yaml");
  EXPECT_EQ(settings.input.pressure, "low");
  EXPECT_EQ(settings.input.goals, (std::vector<std::string>{"relief", "mobility"}));
  EXPECT_EQ(settings.input.areas, (std::vector<std::string>{"lower-back"}));
  EXPECT_EQ(settings.input.conditions, (std::vector<std::string>{"blood-thinners"}));
  EXPECT_EQ(settings.input.avoid, (std::vector<std::string>{"deep-tissue"}));
  EXPECT_EQ(settings.input.age, 40);
  EXPECT_EQ(settings.input.duration, "3w");
  EXPECT_EQ(settings.top, std::optional<std::size_t>{2});
  EXPECT_EQ(settings.format, "tsv");
  EXPECT_EQ(settings.color, "always");

  EXPECT_EQ(shown(settings, "pressure"), (std::vector<std::string>{"low<cfg.yaml:1:11>"}));
  EXPECT_EQ(shown(settings, "goals"), (std::vector<std::string>{"relief<cfg.yaml:2:9>", "mobility<cfg.yaml:2:17>"}));
  EXPECT_EQ(shown(settings, "areas"), (std::vector<std::string>{"lower-back<cfg.yaml:3:8>"}));
  EXPECT_EQ(shown(settings, "conditions"), (std::vector<std::string>{"blood-thinners<cfg.yaml:4:14>"}));
  EXPECT_EQ(shown(settings, "avoid"), (std::vector<std::string>{"deep-tissue<cfg.yaml:5:8>"}));
  EXPECT_EQ(shown(settings, "age"), (std::vector<std::string>{"40<cfg.yaml:6:6>"}));
  EXPECT_EQ(shown(settings, "duration"), (std::vector<std::string>{"3w<cfg.yaml:7:11>"}));
  EXPECT_EQ(shown(settings, "top"), (std::vector<std::string>{"2<cfg.yaml:8:6>"}));
  EXPECT_EQ(shown(settings, "format"), (std::vector<std::string>{"tsv<cfg.yaml:9:9>"}));
  EXPECT_EQ(shown(settings, "color"), (std::vector<std::string>{"always<cfg.yaml:10:8>"}));
}

TEST_F(SettingsResolve, FlagsBeatTheConfigForSingleValues) {
  ProfileOptions flags;
  flags.person.pressure = "firm";
  flags.person.age = 55;
  flags.top = 7;
  flags.format = "json";
  flags.person.duration = "6m";
  flags.color = "never";
  const Settings settings = resolve(flags, k_full_config);
  EXPECT_EQ(settings.input.pressure, "firm");
  EXPECT_EQ(settings.input.age, 55);
  EXPECT_EQ(settings.top, std::optional<std::size_t>{7});
  EXPECT_EQ(settings.format, "json");
  EXPECT_EQ(settings.input.duration, "6m");
  EXPECT_EQ(settings.color, "never");
  EXPECT_EQ(shown(settings, "pressure"), (std::vector<std::string>{"firm<flag --pressure>"}));
  EXPECT_EQ(shown(settings, "age"), (std::vector<std::string>{"55<flag --age>"}));
  EXPECT_EQ(shown(settings, "top"), (std::vector<std::string>{"7<flag --top>"}));
  EXPECT_EQ(shown(settings, "format"), (std::vector<std::string>{"json<flag --format>"}));
  EXPECT_EQ(shown(settings, "duration"), (std::vector<std::string>{"6m<flag --duration>"}));
  EXPECT_EQ(shown(settings, "color"), (std::vector<std::string>{"never<flag --color>"}));
}

TEST_F(SettingsResolve, FlagGoalsAndAreasReplaceTheConfigs) {
  ProfileOptions flags;
  flags.person.goals = {"relaxation"};
  flags.person.areas = {"neck", "shoulders"};
  const Settings settings = resolve(flags, k_full_config);
  EXPECT_EQ(settings.input.goals, (std::vector<std::string>{"relaxation"}));
  EXPECT_EQ(settings.input.areas, (std::vector<std::string>{"neck", "shoulders"}));
  EXPECT_EQ(shown(settings, "goals"), (std::vector<std::string>{"relaxation<flag --goal>"}));
  EXPECT_EQ(shown(settings, "areas"), (std::vector<std::string>{"neck<flag --area>", "shoulders<flag --area>"}));
}

TEST_F(SettingsResolve, ConditionsAndAvoidAddUpConfigFirst) {
  ProfileOptions flags;
  flags.person.conditions = {"fibromyalgia"};
  flags.person.avoid = {"swedish"};
  const Settings settings = resolve(flags, "conditions:\n  - blood-thinners\n  - pregnancy\navoid: [deep-tissue]\n");
  EXPECT_EQ(settings.input.conditions, (std::vector<std::string>{"blood-thinners", "pregnancy", "fibromyalgia"}));
  EXPECT_EQ(settings.input.avoid, (std::vector<std::string>{"deep-tissue", "swedish"}));
  EXPECT_EQ(shown(settings, "conditions"),
            (std::vector<std::string>{"blood-thinners<cfg.yaml:2:5>", "pregnancy<cfg.yaml:3:5>",
                                      "fibromyalgia<flag --condition>"}));
  EXPECT_EQ(shown(settings, "avoid"), (std::vector<std::string>{"deep-tissue<cfg.yaml:4:9>", "swedish<flag --avoid>"}));
}

TEST_F(SettingsResolve, AliasesInTheConfigAreAccepted) {
  const Settings settings = resolve(ProfileOptions{}, "conditions: anticoagulants\navoid: nmt\ngoals: relax\n");
  EXPECT_EQ(settings.input.conditions, (std::vector<std::string>{"anticoagulants"}));
  EXPECT_EQ(settings.input.avoid, (std::vector<std::string>{"nmt"}));
  EXPECT_EQ(settings.input.goals, (std::vector<std::string>{"relax"}));
}

TEST_F(SettingsResolve, JsonFlagGivesJson) {
  ProfileOptions flags;
  flags.json = true;
  const Settings settings = resolve(flags, "format: tsv\n");
  EXPECT_EQ(settings.format, "json");
  EXPECT_EQ(shown(settings, "format"), (std::vector<std::string>{"json<flag --json>"}));
  // --json wins over --format too.
  flags.format = "text";
  const Settings both = resolve_without_config(flags);
  EXPECT_EQ(both.format, "json");
  EXPECT_EQ(shown(both, "format"), (std::vector<std::string>{"json<flag --json>"}));
}

TEST_F(SettingsResolve, ColorPrecedence) {
  SettingsEnvironment environment = empty_environment();
  environment.no_color = "1";
  environment.term = "dumb";
  ProfileOptions flags;
  flags.color = "always";

  // Flag over config over NO_COLOR over TERM=dumb over the default.
  Settings settings = resolve(flags, "color: auto\n", environment);
  EXPECT_EQ(settings.color, "always");
  EXPECT_EQ(shown(settings, "color"), (std::vector<std::string>{"always<flag --color>"}));

  settings = resolve(ProfileOptions{}, "color: always\n", environment);
  EXPECT_EQ(settings.color, "always");
  EXPECT_EQ(shown(settings, "color"), (std::vector<std::string>{"always<cfg.yaml:1:8>"}));

  settings = resolve(ProfileOptions{}, "top: 3\n", environment);
  EXPECT_EQ(settings.color, "never");
  EXPECT_EQ(shown(settings, "color"), (std::vector<std::string>{"never<environment NO_COLOR>"}));

  environment.no_color.clear(); // empty counts as unset
  settings = resolve(ProfileOptions{}, "top: 3\n", environment);
  EXPECT_EQ(settings.color, "never");
  EXPECT_EQ(shown(settings, "color"), (std::vector<std::string>{"never<environment TERM=dumb>"}));

  environment.term = "xterm-256color";
  settings = resolve(ProfileOptions{}, "top: 3\n", environment);
  EXPECT_EQ(settings.color, "auto");
  EXPECT_EQ(shown(settings, "color"), (std::vector<std::string>{"auto<default>"}));
}

TEST_F(SettingsResolve, UnknownConditionInTheConfigIsPlaced) {
  const Error error = resolve_error(ProfileOptions{}, "pressure: low\nconditions: [blod-thinners]\n");
  EXPECT_EQ(error.kind(), ErrorKind::invalid_config);
  EXPECT_EQ(lines_of(error), (std::vector<std::string>{"cfg.yaml:2:14: conditions: unknown value 'blod-thinners' "
                                                       "(did you mean 'blood-thinners'?)"}));
}

TEST_F(SettingsResolve, EveryUnknownNameIsReportedTogether) {
  ProfileOptions flags;
  flags.person.conditions = {"fibromyalgia"}; // conditions add up, so the file's are still checked
  const Error error = resolve_error(flags, "goals: relaxtion\n"
                                           "areas: [neck, lowerback]\n"
                                           "conditions: [fibromyalgia, pregnacy]\n"
                                           "avoid: swedsh\n");
  EXPECT_EQ(error.kind(), ErrorKind::invalid_config);
  EXPECT_EQ(lines_of(error), (std::vector<std::string>{
                                 "cfg.yaml:1:8: goals: unknown value 'relaxtion' (did you mean 'relaxation'?)",
                                 "cfg.yaml:2:15: areas: unknown value 'lowerback' (did you mean 'lower-back'?)",
                                 "cfg.yaml:3:28: conditions: unknown value 'pregnacy' (did you mean 'pregnancy'?)",
                                 "cfg.yaml:4:8: avoid: unknown technique 'swedsh' (did you mean 'swedish'?)",
                             }));
}

TEST_F(SettingsResolve, UnknownGoalInTheConfigIsReportedEvenWithGoalFlags) {
  // backrelief(1), CONFIG FILE: "an unknown ... goal ... is an error with its file:line:column",
  // and `backrelief config` is "the way to validate a config file". With --goal (or --area) on the
  // command line, the file's goals (areas) are replaced and never checked, so the same file is
  // valid or not depending on the flags (SettingsResolver::list in settings.cpp).
  ProfileOptions flags;
  flags.person.goals = {"relief"};
  const Error error = resolve_error(flags, "goals: relaxtion\n");
  EXPECT_EQ(lines_of(error),
            (std::vector<std::string>{"cfg.yaml:1:8: goals: unknown value 'relaxtion' (did you mean 'relaxation'?)"}));
}

} // namespace
} // namespace backrelief::cli
