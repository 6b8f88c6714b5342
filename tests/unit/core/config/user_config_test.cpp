#include "core/config/user_config.hpp"

#include <gtest/gtest.h>
#include <string>
#include <vector>

namespace backrelief {
namespace {

/// A value as `text@line:column`, so one comparison checks the text and the place.
std::string placed(const ConfigValue& value) {
  return value.text + "@" + std::to_string(value.where.line) + ":" + std::to_string(value.where.column);
}

/// Every value of a setting, placed.
std::vector<std::string> placed_values(const UserConfig& config, std::string_view key) {
  std::vector<std::string> values;
  const ConfigSetting* setting = config.find(key);
  if (setting == nullptr) {
    ADD_FAILURE() << "no setting '" << key << "'";
    return values;
  }
  for (const ConfigValue& value : setting->values) {
    values.push_back(placed(value));
  }
  return values;
}

/// The error a config text must raise.
Error config_error(const std::string& text, const std::string& file = "config.yaml") {
  try {
    parse_user_config(file, text);
  } catch (const Error& error) {
    return error;
  }
  ADD_FAILURE() << "the config was accepted:\n" << text;
  return Error(ErrorKind::io, "no error");
}

/// Every diagnostic of a config text that must fail, as `file:line:column: message`.
std::vector<std::string> config_errors(const std::string& text) {
  const Error error = config_error(text);
  EXPECT_EQ(error.kind(), ErrorKind::invalid_config);
  std::vector<std::string> lines;
  for (const Diagnostic& diagnostic : error.diagnostics()) {
    lines.push_back(to_string(diagnostic));
  }
  return lines;
}

TEST(UserConfig, KeysAreTheLongOptionsInShowOrder) {
  const auto keys = user_config_keys();
  EXPECT_EQ(std::vector<std::string>(keys.begin(), keys.end()),
            (std::vector<std::string>{"pressure", "goals", "areas", "conditions", "avoid", "age", "duration", "top",
                                      "format", "color"}));
  for (const std::string key : {"goals", "areas", "conditions", "avoid"}) {
    EXPECT_TRUE(is_list_setting(key)) << key;
  }
  for (const std::string key : {"pressure", "age", "duration", "top", "format", "color", "goal", ""}) {
    EXPECT_FALSE(is_list_setting(key)) << key;
  }
}

TEST(UserConfig, AcceptsEveryKeyWithItsPlace) {
  const UserConfig config = parse_user_config("home/config.yaml", "pressure: firm\n"            // 1
                                                                  "goals: [relief, mobility]\n" // 2
                                                                  "areas: lower-back\n"         // 3
                                                                  "conditions:\n"               // 4
                                                                  "  - blood-thinners\n"        // 5
                                                                  "  - fibromyalgia\n"          // 6
                                                                  "avoid: [deep-tissue]\n"      // 7
                                                                  "age: 42\n"                   // 8
                                                                  "duration: 6m\n"              // 9
                                                                  "top: 3\n"                    // 10
                                                                  "format: json\n"              // 11
                                                                  "color: never\n");            // 12
  EXPECT_EQ(config.file(), "home/config.yaml");
  ASSERT_EQ(config.settings().size(), 10U);
  std::vector<std::string> keys;
  for (const ConfigSetting& setting : config.settings()) {
    keys.push_back(setting.key);
  }
  EXPECT_EQ(keys, (std::vector<std::string>{"pressure", "goals", "areas", "conditions", "avoid", "age", "duration",
                                            "top", "format", "color"}));

  EXPECT_EQ(placed_values(config, "pressure"), (std::vector<std::string>{"firm@1:11"}));
  EXPECT_EQ(placed_values(config, "goals"), (std::vector<std::string>{"relief@2:9", "mobility@2:17"}));
  EXPECT_EQ(placed_values(config, "areas"), (std::vector<std::string>{"lower-back@3:8"}));
  EXPECT_EQ(placed_values(config, "conditions"), (std::vector<std::string>{"blood-thinners@5:5", "fibromyalgia@6:5"}));
  EXPECT_EQ(placed_values(config, "avoid"), (std::vector<std::string>{"deep-tissue@7:9"}));
  EXPECT_EQ(placed_values(config, "age"), (std::vector<std::string>{"42@8:6"}));
  EXPECT_EQ(placed_values(config, "duration"), (std::vector<std::string>{"6m@9:11"}));
  EXPECT_EQ(placed_values(config, "top"), (std::vector<std::string>{"3@10:6"}));
  EXPECT_EQ(placed_values(config, "format"), (std::vector<std::string>{"json@11:9"}));
  EXPECT_EQ(placed_values(config, "color"), (std::vector<std::string>{"never@12:8"}));

  // Every value carries the file name; the keys are placed at their first character.
  const ConfigSetting* conditions = config.find("conditions");
  ASSERT_NE(conditions, nullptr);
  EXPECT_EQ(conditions->where.file, "home/config.yaml");
  EXPECT_EQ(conditions->where.line, 4);
  EXPECT_EQ(conditions->where.column, 1);
  EXPECT_EQ(conditions->values[1].where.file, "home/config.yaml");
  const ConfigSetting* color = config.find("color");
  ASSERT_NE(color, nullptr);
  EXPECT_EQ(color->where.line, 12);
  EXPECT_EQ(color->where.column, 1);
  EXPECT_EQ(to_string(color->values[0].where), "home/config.yaml:12:8");
}

TEST(UserConfig, KeepsTheOrderWritten) {
  const UserConfig config = parse_user_config("c.yaml", "color: auto\npressure: low\n");
  ASSERT_EQ(config.settings().size(), 2U);
  EXPECT_EQ(config.settings()[0].key, "color");
  EXPECT_EQ(config.settings()[1].key, "pressure");
  EXPECT_EQ(config.find("goals"), nullptr);
  EXPECT_EQ(config.find("colour"), nullptr);
}

TEST(UserConfig, ListsTakeAScalarOrASequence) {
  const UserConfig config = parse_user_config("c.yaml", "goals: relaxation\n"
                                                        "areas:\n"
                                                        "  - neck\n"
                                                        "conditions: [sciatica, pregnancy]\n"
                                                        "avoid: swedish\n");
  EXPECT_EQ(placed_values(config, "goals"), (std::vector<std::string>{"relaxation@1:8"}));
  EXPECT_EQ(placed_values(config, "areas"), (std::vector<std::string>{"neck@3:5"}));
  EXPECT_EQ(placed_values(config, "conditions"), (std::vector<std::string>{"sciatica@4:14", "pregnancy@4:24"}));
  EXPECT_EQ(placed_values(config, "avoid"), (std::vector<std::string>{"swedish@5:8"}));
}

TEST(UserConfig, NamesAreNotCheckedAgainstTheRulesHere) {
  // Goals, conditions and techniques depend on the rules, which are not loaded yet.
  const UserConfig config = parse_user_config("c.yaml", "goals: [no-such-goal]\navoid: no-such-technique\n");
  EXPECT_EQ(placed_values(config, "goals"), (std::vector<std::string>{"no-such-goal@1:9"}));
  EXPECT_EQ(placed_values(config, "avoid"), (std::vector<std::string>{"no-such-technique@2:8"}));
}

TEST(UserConfig, PressureAliasesAreKeptAsWritten) {
  const UserConfig config = parse_user_config("c.yaml", "pressure: Deep\n");
  EXPECT_EQ(placed_values(config, "pressure"), (std::vector<std::string>{"Deep@1:11"}));
}

TEST(UserConfig, EmptyFileSetsNothing) {
  const UserConfig config = parse_user_config("empty.yaml", "");
  EXPECT_TRUE(config.settings().empty());
  EXPECT_EQ(config.file(), "empty.yaml");
  EXPECT_EQ(config.find("pressure"), nullptr);
}

TEST(UserConfig, CommentOnlyFileSetsNothing) {
  const UserConfig config = parse_user_config("c.yaml", "# my defaults\n\n   # none yet\n");
  EXPECT_TRUE(config.settings().empty());
  EXPECT_EQ(config.file(), "c.yaml");
}

TEST(UserConfig, UnknownKeySuggestsTheClosest) {
  EXPECT_EQ(config_errors("presure: low\n"),
            (std::vector<std::string>{
                "config.yaml:1:1: unknown key 'presure' in the config file (did you mean 'pressure'?)"}));
  EXPECT_EQ(
      config_errors("top: 3\ncolour: never\n"),
      (std::vector<std::string>{"config.yaml:2:1: unknown key 'colour' in the config file (did you mean 'color'?)"}));
}

TEST(UserConfig, DuplicateKeyIsRefusedWithTheFirstPlace) {
  EXPECT_EQ(config_errors("pressure: low\ntop: 2\npressure: firm\n"),
            (std::vector<std::string>{
                "config.yaml:3:1: duplicate key 'pressure' in the config file (first given at config.yaml:1:1)"}));
}

TEST(UserConfig, TopLevelMustBeAMapping) {
  EXPECT_EQ(config_errors("- pressure: low\n"),
            (std::vector<std::string>{
                "config.yaml:1:1: expected the config file (a mapping of keys to values), found a list"}));
  EXPECT_EQ(config_errors("low\n"),
            (std::vector<std::string>{
                "config.yaml:1:1: expected the config file (a mapping of keys to values), found a scalar"}));
}

TEST(UserConfig, MappingForPressureIsTheWrongShape) {
  EXPECT_EQ(config_errors("pressure: {level: low}\n"),
            (std::vector<std::string>{"config.yaml:1:11: expected pressure as text, found a mapping"}));
}

TEST(UserConfig, ListForASingleValueIsTheWrongShape) {
  EXPECT_EQ(config_errors("age: 40\npressure: [low, firm]\n"),
            (std::vector<std::string>{"config.yaml:2:11: expected pressure as text, found a list"}));
}

TEST(UserConfig, ListOfMappingsForConditionsIsTheWrongShape) {
  EXPECT_EQ(config_errors("conditions:\n  - {name: blood-thinners}\n  - fibromyalgia\n"),
            (std::vector<std::string>{"config.yaml:2:5: expected each of conditions to be a value, found a mapping"}));
}

TEST(UserConfig, MappingForAListSettingIsTheWrongShape) {
  EXPECT_EQ(
      config_errors("goals: {relief: true}\n"),
      (std::vector<std::string>{"config.yaml:1:8: expected goals as a value or a list of values, found a mapping"}));
}

TEST(UserConfig, UnknownPressureNamesTheChoices) {
  const std::vector<std::string> errors = config_errors("pressure: hard-ish\n");
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_EQ(errors[0].rfind("config.yaml:1:11: pressure: unknown value 'hard-ish': expected low, medium or firm", 0),
            0U)
      << errors[0];
}

TEST(UserConfig, UnknownPressureSuggestsTheClosest) {
  EXPECT_EQ(
      config_errors("pressure: lwo\n"),
      (std::vector<std::string>{
          "config.yaml:1:11: pressure: unknown value 'lwo': expected low, medium or firm (did you mean 'low'?)"}));
  EXPECT_EQ(config_errors("pressure: medum\n"),
            (std::vector<std::string>{"config.yaml:1:11: pressure: unknown value 'medum': expected low, medium or firm "
                                      "(did you mean 'medium'?)"}));
}

TEST(UserConfig, HardIshSuggestsHard) {
  // Four edits from "hard", too many for a typo: a known name with something added still gets a suggestion.
  EXPECT_EQ(config_errors("pressure: hard-ish\n"),
            (std::vector<std::string>{"config.yaml:1:11: pressure: unknown value 'hard-ish': expected low, medium or "
                                      "firm (did you mean 'hard'?)"}));
}

TEST(UserConfig, UnknownFormat) {
  EXPECT_EQ(config_errors("format: yaml\n"),
            (std::vector<std::string>{"config.yaml:1:9: format: unknown value 'yaml': expected text, json or tsv"}));
  EXPECT_EQ(config_errors("format: jsno\n"),
            (std::vector<std::string>{
                "config.yaml:1:9: format: unknown value 'jsno': expected text, json or tsv (did you mean 'json'?)"}));
}

TEST(UserConfig, UnknownColor) {
  EXPECT_EQ(
      config_errors("color: sometimes\n"),
      (std::vector<std::string>{"config.yaml:1:8: color: unknown value 'sometimes': expected auto, always or never"}));
  EXPECT_EQ(
      config_errors("color: nevr\n"),
      (std::vector<std::string>{
          "config.yaml:1:8: color: unknown value 'nevr': expected auto, always or never (did you mean 'never'?)"}));
}

TEST(UserConfig, FormatAndColorAreCaseSensitive) {
  EXPECT_EQ(config_errors("format: JSON\n").size(), 1U);
  EXPECT_EQ(config_errors("color: Never\n").size(), 1U);
}

TEST(UserConfig, OctalLookingAgeIsRefused) {
  EXPECT_EQ(config_errors("age: 042\n"),
            (std::vector<std::string>{"config.yaml:1:6: expected age as a decimal number, found '042'"}));
}

TEST(UserConfig, AgeMustBeAWholeUnquotedNumber) {
  EXPECT_EQ(config_errors("age: 42.5\n"),
            (std::vector<std::string>{"config.yaml:1:6: expected age as a whole number, found '42.5'"}));
  EXPECT_EQ(config_errors("age: '42'\n"),
            (std::vector<std::string>{"config.yaml:1:6: expected age as a decimal number, found '42'"}));
  EXPECT_EQ(config_errors("age: forty\n"),
            (std::vector<std::string>{"config.yaml:1:6: expected age as a decimal number, found 'forty'"}));
}

TEST(UserConfig, AgeOutOfRange) {
  EXPECT_EQ(config_errors("age: 200\n"),
            (std::vector<std::string>{"config.yaml:1:6: age: 200 is out of range (0 to 130)"}));
  EXPECT_EQ(config_errors("age: -1\n"),
            (std::vector<std::string>{"config.yaml:1:6: age: -1 is out of range (0 to 130)"}));
  EXPECT_EQ(placed_values(parse_user_config("c.yaml", "age: 130\n"), "age"), (std::vector<std::string>{"130@1:6"}));
  EXPECT_EQ(placed_values(parse_user_config("c.yaml", "age: 0\n"), "age"), (std::vector<std::string>{"0@1:6"}));
}

TEST(UserConfig, TopOfZeroIsRefused) {
  EXPECT_EQ(config_errors("top: 0\n"),
            (std::vector<std::string>{"config.yaml:1:6: top: 0 is out of range (1 to 1000000)"}));
  EXPECT_EQ(config_errors("top: 1000001\n"),
            (std::vector<std::string>{"config.yaml:1:6: top: 1000001 is out of range (1 to 1000000)"}));
  EXPECT_EQ(placed_values(parse_user_config("c.yaml", "top: 1\n"), "top"), (std::vector<std::string>{"1@1:6"}));
}

TEST(UserConfig, UnreadableDuration) {
  EXPECT_EQ(config_errors("duration: forever\n"),
            (std::vector<std::string>{"config.yaml:1:11: duration: cannot read 'forever': expected a span such as 10d, "
                                      "3w, 6m or 2y"}));
}

TEST(UserConfig, EmptyValuesAreRefused) {
  EXPECT_EQ(config_errors("format: ''\n"),
            (std::vector<std::string>{"config.yaml:1:9: expected format as text, found an empty string"}));
  EXPECT_EQ(config_errors("goals: [relief, '']\n"),
            (std::vector<std::string>{"config.yaml:1:17: expected goals as text, found an empty string"}));
}

TEST(UserConfig, MissingValueIsRefused) {
  // yaml-cpp places an empty value at the token after it, here the next key.
  EXPECT_EQ(config_errors("pressure:\ntop: 3\n"),
            (std::vector<std::string>{"config.yaml:2:1: expected pressure as text, found nothing"}));
  EXPECT_EQ(config_errors("age: ~\n"),
            (std::vector<std::string>{"config.yaml:1:6: expected age as text, found nothing"}));
}

TEST(UserConfig, KeyMustBePlain) {
  EXPECT_EQ(config_errors("[pressure]: low\n"),
            (std::vector<std::string>{"config.yaml:1:1: expected a plain key in the config file, found a list"}));
}

TEST(UserConfig, SignedNumbersAreWrittenPlainly) {
  EXPECT_EQ(placed_values(parse_user_config("c.yaml", "age: +42\n"), "age"), (std::vector<std::string>{"42@1:6"}));
}

TEST(UserConfig, SecondDocumentIsNotIgnored) {
  // YAML::Load reads the first document only; what follows a `---` or `...` must not be
  // silently dropped: here `top: 0`, which alone is refused, and below text that is not YAML.
  const Error error = config_error("---\npressure: low\n---\ntop: 0\n");
  EXPECT_EQ(error.kind(), ErrorKind::invalid_config);
  ASSERT_FALSE(error.diagnostics().empty());
  EXPECT_EQ(error.diagnostics()[0].where.line, 3);
  const Error garbage = config_error("pressure: low\n...\ngoals: [\n");
  ASSERT_FALSE(garbage.diagnostics().empty());
  EXPECT_GE(garbage.diagnostics()[0].where.line, 3); // the second document, or its syntax error
}

TEST(UserConfig, ReportsEveryProblemInOneError) {
  const Error error = config_error("presure: low\n"      // 1
                                   "format: yaml\n"      // 2
                                   "age: 042\n"          // 3
                                   "top: 0\n"            // 4
                                   "format: text\n"      // 5
                                   "color: sometimes\n"  // 6
                                   "duration: forever\n" // 7
                                   "pressure: firm\n");  // 8, the only good line
  EXPECT_EQ(error.kind(), ErrorKind::invalid_config);
  std::vector<std::string> lines;
  for (const Diagnostic& diagnostic : error.diagnostics()) {
    lines.push_back(to_string(diagnostic));
  }
  EXPECT_EQ(lines, (std::vector<std::string>{
                       "config.yaml:1:1: unknown key 'presure' in the config file (did you mean 'pressure'?)",
                       "config.yaml:5:1: duplicate key 'format' in the config file (first given at config.yaml:2:1)",
                       "config.yaml:2:9: format: unknown value 'yaml': expected text, json or tsv",
                       "config.yaml:3:6: expected age as a decimal number, found '042'",
                       "config.yaml:4:6: top: 0 is out of range (1 to 1000000)",
                       "config.yaml:6:8: color: unknown value 'sometimes': expected auto, always or never",
                       "config.yaml:7:11: duration: cannot read 'forever': expected a span such as 10d, 3w, 6m or 2y",
                   }));
  // The summary is the first problem.
  EXPECT_STREQ(error.what(), "config.yaml:1:1: unknown key 'presure' in the config file (did you mean 'pressure'?)");
  ASSERT_FALSE(error.diagnostics().empty());
  EXPECT_EQ(error.diagnostics()[2].where.file, "config.yaml");
  EXPECT_EQ(error.diagnostics()[2].where.line, 2);
  EXPECT_EQ(error.diagnostics()[2].where.column, 9);
}

TEST(UserConfig, InvalidYamlGivesItsPosition) {
  const Error error = config_error("pressure: low\ngoals: [relief\n", "bad.yaml");
  EXPECT_EQ(error.kind(), ErrorKind::invalid_config);
  ASSERT_EQ(error.diagnostics().size(), 1U);
  const Diagnostic& diagnostic = error.diagnostics()[0];
  EXPECT_EQ(diagnostic.where.file, "bad.yaml");
  EXPECT_EQ(diagnostic.where.line, 2); // where the bracket opens, which is where the slip is
  EXPECT_EQ(diagnostic.where.column, 8);
  EXPECT_EQ(diagnostic.message, "the '[' here is never closed: end it with ']' (invalid YAML: end of sequence flow "
                                "not found)");
}

TEST(UserConfig, InvalidYamlInTheMiddleGivesItsLineAndColumn) {
  const Error error = config_error("pressure: low\ngoals: relief\n  areas: neck\n", "bad.yaml");
  ASSERT_EQ(error.diagnostics().size(), 1U);
  const Diagnostic& diagnostic = error.diagnostics()[0];
  EXPECT_EQ(diagnostic.where.file, "bad.yaml");
  EXPECT_EQ(diagnostic.where.line, 3);
  EXPECT_EQ(diagnostic.where.column, 3);
  EXPECT_EQ(diagnostic.message, "this key is indented under the line above (2:1), which has its value already: line "
                                "it up with that line's key (invalid YAML: illegal map value)");
}

} // namespace
} // namespace backrelief
