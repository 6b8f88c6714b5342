#include "core/rules/condition_description.hpp"
#include "core/rules/rule_loader.hpp"

#include "core/rules/condition_parser.hpp"
#include "core/rules/rule_parser.hpp"
#include "test_support.hpp"

#include <algorithm>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <gtest/gtest.h>
#include <string>
#include <vector>

namespace backrelief {
namespace {

using test_support::load_errors;
using test_support::load_text;

// Four lines; a test appending to it starts at line 5.
const std::string k_techniques = R"(version: 1
techniques:
  - {id: swedish, name: Swedish, summary: Gentle strokes., pressure: [low, medium]}
  - {id: deep-tissue, name: Deep tissue, aliases: [deep], summary: Firm work., pressure: [medium, firm]}
)";

TEST(LoadRules, ReadsAValidFile) {
  const RuleSet rules = load_text(R"(version: 1
techniques:
  - id: swedish
    name: Swedish massage
    aliases: [classic]
    summary: Long gentle strokes.
    pressure: [low, medium]
    aftercare: [Rest a while., Take a walk.]
  - {id: deep-tissue, name: Deep tissue, summary: Firm work., pressure: firm}
concepts:
  - {id: neck, kind: area, name: neck, aliases: [cervical]}
  - {id: pregnancy, kind: condition, name: pregnancy}
rules:
  - id: pregnancy-gentle
    when: {condition: pregnancy, not: {area: neck}}
    score: {swedish: 2}
    exclude: [deep-tissue]
    caution: {classic: Lie on your side.}
    refer: {level: routine, advice: Ask your midwife.}
    advice: Keep moving.
    because: Gentle work is safe in pregnancy.
    source: domain brief
)");
  ASSERT_EQ(rules.techniques().size(), 2U);
  const Technique& swedish = rules.techniques()[0];
  EXPECT_EQ(swedish.id, "swedish");
  EXPECT_EQ(swedish.name, "Swedish massage");
  EXPECT_EQ(swedish.aliases, std::vector<std::string>{"classic"});
  EXPECT_EQ(swedish.summary, "Long gentle strokes.");
  EXPECT_EQ(swedish.pressure_min, Pressure::low);
  EXPECT_EQ(swedish.pressure_max, Pressure::medium);
  EXPECT_EQ(swedish.aftercare, (std::vector<std::string>{"Rest a while.", "Take a walk."}));
  EXPECT_EQ(to_string(swedish.origin), "test.yaml:3:5");
  const Technique& deep = rules.techniques()[1];
  EXPECT_EQ(deep.pressure_min, Pressure::firm);
  EXPECT_EQ(deep.pressure_max, Pressure::firm);
  EXPECT_TRUE(deep.aftercare.empty());

  ASSERT_EQ(rules.concepts().size(), 2U);
  EXPECT_EQ(rules.concepts()[0].id, "neck");
  EXPECT_EQ(rules.concepts()[0].kind, ConceptKind::area);
  EXPECT_EQ(rules.concepts()[0].aliases, std::vector<std::string>{"cervical"});
  EXPECT_EQ(to_string(rules.concepts()[0].origin), "test.yaml:11:5");
  EXPECT_EQ(rules.find_concept(ConceptKind::area, "Cervical"), 0U);
  EXPECT_EQ(rules.find_concept(ConceptKind::condition, "neck"), std::nullopt);

  ASSERT_EQ(rules.rules().size(), 1U);
  const Rule& rule = rules.rules()[0];
  EXPECT_EQ(rule.id, "pregnancy-gentle");
  EXPECT_EQ(to_string(rule.origin), "test.yaml:14:5");
  ASSERT_EQ(rule.weights.size(), 1U);
  EXPECT_EQ(rule.weights[0].technique, 0);
  EXPECT_EQ(rule.weights[0].value, 2.0);
  EXPECT_EQ(rule.excludes, std::vector<TechniqueId>{1});
  ASSERT_EQ(rule.cautions.size(), 1U);
  EXPECT_EQ(rule.cautions[0].technique, 0);
  EXPECT_EQ(rule.cautions[0].text, "Lie on your side.");
  ASSERT_TRUE(rule.referral.has_value());
  EXPECT_EQ(rule.referral->level, ReferralLevel::routine);
  EXPECT_EQ(rule.referral->advice, "Ask your midwife.");
  EXPECT_EQ(rule.advice, "Keep moving.");
  EXPECT_EQ(rule.because, "Gentle work is safe in pregnancy.");
  EXPECT_EQ(rule.source, "domain brief");
  EXPECT_EQ(describe(rule.when, rules), "all of (condition pregnancy; not (area neck))");
  EXPECT_TRUE(rules.disabled_rules().empty());
}

TEST(LoadRules, ReadsEveryConditionForm) {
  const RuleSet rules = load_text(k_techniques + R"(concepts:
  - {id: numbness, kind: red-flag, name: numbness}
  - {id: relief, kind: goal, name: relief}
rules:
  - {id: list, when: [{pressure: [light, FIRM]}, {goal: relief}], score: {swedish: 1}, because: a}
  - {id: any, when: {any: [{red-flag: numbness}, {mentions: [relief]}]}, score: {swedish: 1}, because: a}
  - {id: range, when: {age: {at_least: 18, below: 65}}, score: {swedish: 1}, because: a}
  - {id: exact, when: {duration_weeks: 12}, score: {swedish: 1}, because: a}
  - {id: always, score: {swedish: 1}, because: a}
)");
  const auto described = [&rules](std::string_view id) { return describe(rules.find_rule(id)->when, rules); };
  EXPECT_EQ(described("list"), "all of (pressure low or firm; goal relief)");
  EXPECT_EQ(described("any"), "any of (red-flag numbness; mentions relief)");
  EXPECT_EQ(described("range"), "all of (age at_least 18; age below 65)");
  EXPECT_EQ(described("exact"), "duration_weeks equals 12");
  EXPECT_EQ(described("always"), "always");
  EXPECT_EQ(to_string(rules.find_rule("always")->when.where), "test.yaml:13:5");
}

TEST(LoadRules, MisspelledKeyGivesItsPositionAndASuggestion) {
  EXPECT_EQ(load_errors(k_techniques + R"(rules:
  - id: calm
    score: {swedish: 1}
    becuase: Gentle.
)"),
            (std::vector<std::string>{
                "test.yaml:6:5: a rule needs the key 'because'",
                "test.yaml:8:5: unknown key 'becuase' in a rule (did you mean 'because'?)",
            }));
}

TEST(LoadRules, MisspelledTopLevelKeyGivesASuggestion) {
  EXPECT_EQ(load_errors(k_techniques + R"(rule:
  - {id: calm, score: {swedish: 1}, because: a}
)"),
            std::vector<std::string>{"test.yaml:5:1: unknown key 'rule' in a rule file (did you mean 'rules'?)"});
}

TEST(LoadRules, ReportsEveryErrorOfAFile) {
  EXPECT_EQ(load_errors(R"(version: 1
techniques:
  - {id: swedish, name: Swedish, summary: s, pressure: [low, medium], colour: red}
  - {id: deep-tissue, name: Deep, summary: s, pressure: [firm, low]}
rules:
  - {id: a, score: {swedsh: 1}, because: x}
  - {id: b, when: {pressure: lwo}, score: {swedish: 1}, because: x}
  - {id: c, score: {swedish: 042}, because: x}
  - {id: d, refer: urgnet, because: x}
)"),
            (std::vector<std::string>{
                "test.yaml:3:71: unknown key 'colour' in a technique",
                "test.yaml:4:57: the pressure range goes from the lightest to the firmest, e.g. [low, medium]",
                "test.yaml:6:21: unknown technique 'swedsh' (did you mean 'swedish'?)",
                "test.yaml:7:30: unknown pressure 'lwo': expected low, medium or firm (did you mean 'low'?)",
                "test.yaml:8:30: expected a score as a decimal number, found '042'",
                "test.yaml:9:20: unknown referral level 'urgnet': expected emergency, urgent or routine (did you "
                "mean 'urgent'?)",
            }));
}

TEST(LoadRules, ThresholdsNoPersonCanHaveAreRefusedWithTheirRange) {
  EXPECT_EQ(load_errors(k_techniques + R"(rules:
  - {id: a, when: {age: {above: 200}}, score: {swedish: 1}, because: x}
  - {id: b, when: {intensity: 11}, score: {swedish: 1}, because: x}
  - {id: c, when: {duration_weeks: {below: -1}}, score: {swedish: 1}, because: x}
  - {id: d, when: {age: {at_least: 0, at_most: 130}}, score: {swedish: 1}, because: x}
)"),
            (std::vector<std::string>{
                "test.yaml:6:33: age: 200 is not an age in years (0 to 130)",
                "test.yaml:7:31: intensity: 11 is not a pain level (0 to 10)",
                "test.yaml:8:44: duration_weeks: -1 is not a number of weeks (0 to 5200)",
            }));
}

TEST(LoadRules, AValueGivenTwiceInAListIsNamedAndTheRestStillLoads) {
  // The rule's other errors, and the rules that refer to the concept, are not hidden by it.
  EXPECT_EQ(load_errors(k_techniques + R"(concepts:
  - {id: knots, kind: symptom, name: knots, phrases: [knots, Knots]}
rules:
  - {id: a, when: {symptom: knots}, exclude: [swedish, Swedish], because: x}
)"),
            (std::vector<std::string>{
                "test.yaml:6:62: 'Knots' is in this list twice (first at 6:55): give each value once",
                "test.yaml:8:56: 'Swedish' is in this list twice (first at 8:47): give each value once",
            }));
}

TEST(ReadRuleSources, ADirectoryGivesItsYamlAndYmlFilesInNameOrder) {
  const auto directory = std::filesystem::temp_directory_path() / "backrelief-yml-test";
  std::filesystem::remove_all(directory);
  std::filesystem::create_directories(directory / "sub.yaml");
  for (const char* name : {"20-b.yml", "10-a.yaml", "30-c.yaml~", "notes.txt"}) {
    std::ofstream(directory / name) << "version: 1\n";
  }
  std::vector<std::string> names;
  for (const RuleSource& source : read_rule_sources(directory)) {
    names.push_back(std::filesystem::path(source.name).filename().string());
  }
  std::filesystem::remove_all(directory);
  EXPECT_EQ(names, (std::vector<std::string>{"10-a.yaml", "20-b.yml"}));
}

TEST(LoadRules, ReportsErrorsOfEveryFileInFileOrder) {
  EXPECT_EQ(load_errors({
                RuleSource{"b.yaml", k_techniques + "rules:\n  - {id: x, score: {swedish: 1}}\n"},
                RuleSource{"a.yaml", "version: 1\nrules:\n  - {id: y, because: z, colour: red}\n"},
            }),
            (std::vector<std::string>{
                "b.yaml:6:5: a rule needs the key 'because'",
                "a.yaml:3:5: rule 'y' has no effect: give at least one of score, exclude, caution, refer or advice",
                "a.yaml:3:25: unknown key 'colour' in a rule",
            }));
}

TEST(LoadRules, YamlNodesAreCountedOverEveryFileAndOnlyTheRefusedFileIsReported) {
  RuleLimits limits;
  limits.max_yaml_nodes = 20;
  // 16 nodes: the mapping, two keys and their values (1 and a list), the list's mapping and its
  // four keys with their values (the pressures a list of two). The second file's fifth node, [],
  // is the 21st.
  const std::string first = "version: 1\ntechniques:\n  - {id: s, name: S, summary: x, pressure: [low, medium]}\n";
  const std::string second = "version: 1\nrules: []\n";
  try {
    load_rules({RuleSource{"a.yaml", first}, RuleSource{"b.yaml", second}, RuleSource{"c.yaml", second}}, limits);
    FAIL() << "the rules loaded";
  } catch (const Error& error) {
    ASSERT_EQ(error.diagnostics().size(), 2U);
    EXPECT_EQ(to_string(error.diagnostics()[0]),
              "b.yaml:2:8: more than 20 YAML nodes (values, lists and mappings) in the rule files together (16 in "
              "the files before this one): every file's YAML is held until all are read, so load fewer or "
              "smaller files");
    EXPECT_EQ(to_string(error.diagnostics()[1]).substr(0, 8), "c.yaml:2");
  }
}

TEST(LoadRules, ErrorMessageIsTheFirstDiagnostic) {
  try {
    load_text(k_techniques + "rules:\n  - {id: x, score: {sweddish: 1}, because: y}\n");
    FAIL() << "the rules loaded";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::invalid_rules);
    EXPECT_STREQ(error.what(), "test.yaml:6:21: unknown technique 'sweddish' (did you mean 'swedish'?)");
  }
}

TEST(LoadRules, UnknownTechniqueIdInEveryPlace) {
  EXPECT_EQ(load_errors(k_techniques + R"(rules:
  - {id: a, score: {shiatsu: 1}, because: x}
  - {id: b, exclude: [swedish, deep-tisue], because: x}
  - {id: c, caution: {swedis: Careful.}, because: x}
)"),
            (std::vector<std::string>{
                "test.yaml:6:21: unknown technique 'shiatsu'",
                "test.yaml:7:32: unknown technique 'deep-tisue' (did you mean 'deep-tissue'?)",
                "test.yaml:8:23: unknown technique 'swedis' (did you mean 'swedish'?)",
            }));
}

// Eleven lines: three traits, and three techniques with them; a test appending starts at 12.
const std::string k_traits = R"(version: 1
traits:
  - {id: deep-pressure, name: deep pressure}
  - {id: gliding, name: gliding strokes}
  - {id: heat, name: heat}
techniques:
  - {id: swedish, name: Swedish, summary: s, pressure: low, traits: [gliding]}
  - {id: deep-tissue, name: Deep tissue, summary: d, pressure: firm, traits: deep-pressure}
  - {id: hot-stone, name: Hot stone, summary: h, pressure: [medium, firm], traits: [gliding, deep-pressure, heat]}
concepts:
  - {id: pregnancy, kind: condition, name: pregnancy}
)";

std::vector<std::string> ids_of(const RuleSet& rules, const std::vector<TechniqueId>& techniques) {
  std::vector<std::string> ids;
  for (TechniqueId id : techniques) {
    ids.push_back(rules.techniques()[id].id);
  }
  return ids;
}

TEST(LoadRules, ATraitReachesEveryTechniqueThatHasIt) {
  const RuleSet rules = load_text(k_traits + R"(rules:
  - {id: x, when: {condition: pregnancy}, exclude: [deep-pressure], because: b}
)");
  EXPECT_EQ(ids_of(rules, rules.rules()[0].excludes), (std::vector<std::string>{"deep-tissue", "hot-stone"}));
  EXPECT_EQ(rules.techniques()[2].traits, (std::vector<std::string>{"gliding", "deep-pressure", "heat"}));
  EXPECT_EQ(ids_of(rules, rules.techniques_with("heat")), std::vector<std::string>{"hot-stone"});
}

TEST(LoadRules, AnIdBeatsATraitAndTheFirstTraitWrittenBeatsTheRest) {
  const RuleSet rules = load_text(k_traits + R"(rules:
  - id: x
    score: {deep-pressure: -3, gliding: 2, swedish: 5}
    caution: {gliding: Light., hot-stone: Stones cool first.}
    because: b
)");
  const Rule& rule = rules.rules()[0];
  std::vector<std::string> weights;
  for (const Weight& weight : rule.weights) {
    weights.push_back(fmt::format("{}={:g}", rules.techniques()[weight.technique].id, weight.value));
  }
  EXPECT_EQ(weights, (std::vector<std::string>{"swedish=5", "deep-tissue=-3", "hot-stone=-3"}));
  std::vector<std::string> cautions;
  for (const Caution& caution : rule.cautions) {
    cautions.push_back(rules.techniques()[caution.technique].id + ": " + caution.text);
  }
  EXPECT_EQ(cautions, (std::vector<std::string>{"hot-stone: Stones cool first.", "swedish: Light."}));
}

TEST(LoadRules, ATraitNoTechniqueHasYetIsStillAnEffect) {
  const RuleSet rules = load_text(R"(version: 1
traits:
  - {id: heat, name: heat}
techniques:
  - {id: swedish, name: Swedish, summary: s, pressure: low}
rules:
  - {id: x, exclude: [heat], because: b}
)");
  ASSERT_EQ(rules.rules().size(), 1U);
  EXPECT_TRUE(rules.rules()[0].excludes.empty());
}

TEST(LoadRules, TraitsAreCheckedWithDidYouMean) {
  EXPECT_EQ(
      load_errors(R"(version: 1
traits:
  - {id: gliding, name: gliding strokes}
  - {id: heat, name: heat}
techniques:
  - {id: a, name: A, summary: a, pressure: low, traits: [glidng, heat, heat]}
  - {id: heat, name: Heat, summary: h, pressure: low}
  - {id: swedish, name: Swedish, summary: s, pressure: low, traits: gliding}
rules:
  - {id: x, exclude: [deep-presure], caution: {gliding: a, swedish: b, gliding: c}, because: b}
)"),
      (std::vector<std::string>{
          "test.yaml:6:58: unknown trait 'glidng' (did you mean 'gliding'?); traits are defined under 'traits:'",
          "test.yaml:6:72: 'heat' is in this list twice (first at 6:66): give each value once",
          "test.yaml:7:5: 'heat' already names a trait (defined at test.yaml:4:5); a technique needs another name",
          "test.yaml:10:23: unknown technique or trait 'deep-presure'",
          "test.yaml:10:72: duplicate trait 'gliding' in caution",
      }));
}

TEST(LoadRules, TechniqueAliasesAndCaseAreAcceptedInRules) {
  const RuleSet rules =
      load_text(k_techniques + "rules:\n  - {id: a, score: {DEEP: 1}, exclude: Swedish, because: x}\n");
  ASSERT_EQ(rules.rules().size(), 1U);
  EXPECT_EQ(rules.rules()[0].weights[0].technique, 1);
  EXPECT_EQ(rules.rules()[0].excludes, std::vector<TechniqueId>{0});
}

TEST(LoadRules, SameTechniqueTwiceInAScoreIsAnError) {
  EXPECT_EQ(load_errors(k_techniques + "rules:\n  - {id: a, score: {deep-tissue: 1, deep: 2}, because: x}\n"),
            std::vector<std::string>{"test.yaml:6:37: duplicate technique 'deep' in score"});
}

TEST(LoadRules, UnknownConceptId) {
  EXPECT_EQ(load_errors(k_techniques + R"(concepts:
  - {id: pregnancy, kind: condition, name: pregnancy}
rules:
  - {id: a, when: {condition: pregnacy}, score: {swedish: 1}, because: x}
  - {id: b, when: {area: neck}, score: {swedish: 1}, because: x}
  - {id: c, when: {mentions: [pregnancy, gout]}, score: {swedish: 1}, because: x}
)"),
            (std::vector<std::string>{
                "test.yaml:8:31: unknown condition 'pregnacy' (did you mean 'pregnancy'?)",
                "test.yaml:9:26: unknown area 'neck'",
                "test.yaml:10:42: unknown concept 'gout'",
            }));
}

TEST(LoadRules, ConceptOfTheWrongKind) {
  EXPECT_EQ(load_errors(k_techniques + R"(concepts:
  - {id: relief, kind: goal, name: relief}
rules:
  - {id: a, when: {condition: relief}, score: {swedish: 1}, because: x}
)"),
            std::vector<std::string>{"test.yaml:8:31: 'relief' is a goal, not a condition"});
}

TEST(LoadRules, ConceptOfTheWrongKindReadsWell) {
  EXPECT_EQ(load_errors(k_techniques + R"(concepts:
  - {id: neck, kind: area, name: neck}
rules:
  - {id: a, when: {condition: neck}, score: {swedish: 1}, because: x}
)"),
            std::vector<std::string>{"test.yaml:8:31: 'neck' is an area, not a condition"});
}

TEST(LoadRules, ConceptDefinedInALaterFileIsUsableEarlier) {
  const RuleSet rules = load_rules({
      RuleSource{"a.yaml", k_techniques + "rules:\n  - {id: gout, when: {condition: gout}, score: {swedish: 1}, "
                                          "because: x}\n"},
      RuleSource{"b.yaml", "version: 1\nconcepts:\n  - {id: gout, kind: condition, name: gout}\n"},
  });
  ASSERT_EQ(rules.rules().size(), 1U);
  EXPECT_EQ(describe(rules.rules()[0].when, rules), "condition gout");
  EXPECT_EQ(to_string(rules.concepts()[0].origin), "b.yaml:3:5");
}

TEST(LoadRules, DuplicateRuleIdAcrossFilesIsAnError) {
  EXPECT_EQ(load_errors({
                RuleSource{"a.yaml", k_techniques + "rules:\n  - {id: calm, score: {swedish: 1}, because: x}\n"},
                RuleSource{"b.yaml", "version: 1\nrules:\n  - {id: calm, score: {swedish: 2}, because: y}\n"},
            }),
            std::vector<std::string>{"b.yaml:3:5: duplicate rule id 'calm' (first defined at a.yaml:6:5); add "
                                     "'replaces: true' to replace it"});
}

TEST(LoadRules, ReplacesTrueReplacesTheRuleInPlace) {
  const RuleSet rules = load_rules({
      RuleSource{"a.yaml", k_techniques + R"(rules:
  - {id: calm, score: {swedish: 1}, because: x}
  - {id: firm, score: {deep-tissue: 1}, because: y}
)"},
      RuleSource{"b.yaml", "version: 1\nrules:\n  - {id: calm, replaces: true, score: {swedish: 5}, because: z}\n"},
  });
  ASSERT_EQ(rules.rule_ids(), (std::vector<std::string>{"calm", "firm"}));
  const Rule& calm = rules.rules()[0];
  EXPECT_EQ(calm.because, "z");
  ASSERT_EQ(calm.weights.size(), 1U);
  EXPECT_EQ(calm.weights[0].value, 5.0);
  EXPECT_EQ(to_string(calm.origin), "b.yaml:3:5");
}

TEST(LoadRules, ReplacesWithoutAnEarlierRuleIsAnError) {
  EXPECT_EQ(load_errors(k_techniques + R"(rules:
  - {id: calm, score: {swedish: 1}, because: x}
  - {id: clam, replaces: true, score: {swedish: 5}, because: z}
)"),
            std::vector<std::string>{
                "test.yaml:7:5: rule 'clam' says 'replaces: true' but no earlier rule has that id (did you mean "
                "'calm'?)"});
}

TEST(LoadRules, ReplacesMustBeTrueOrFalse) {
  EXPECT_EQ(load_errors(k_techniques + "rules:\n  - {id: calm, replaces: yes, score: {swedish: 1}, because: x}\n"),
            std::vector<std::string>{"test.yaml:6:26: expected 'replaces' as true or false, found 'yes'"});
}

TEST(LoadRules, DisableRemovesARule) {
  const RuleSet rules = load_rules({
      RuleSource{"a.yaml", k_techniques + R"(rules:
  - {id: calm, score: {swedish: 1}, because: x}
  - {id: firm, score: {deep-tissue: 1}, because: y}
)"},
      RuleSource{"b.yaml", "version: 1\ndisable: [calm]\n"},
  });
  EXPECT_EQ(rules.rule_ids(), std::vector<std::string>{"firm"});
  EXPECT_EQ(rules.find_rule("calm"), nullptr);
  ASSERT_NE(rules.find_rule("firm"), nullptr);
  EXPECT_EQ(rules.find_rule("firm")->because, "y");
  ASSERT_EQ(rules.disabled_rules().size(), 1U);
  EXPECT_EQ(rules.disabled_rules()[0].first.id, "calm");
  EXPECT_EQ(to_string(rules.disabled_rules()[0].second), "b.yaml:2:11");
}

TEST(LoadRules, DisableOfAnUnknownRuleIsAnError) {
  EXPECT_EQ(load_errors(k_techniques + R"(rules:
  - {id: stay-active, advice: Keep moving., because: x}
disable: [stay-activ, posture]
)"),
            (std::vector<std::string>{
                "test.yaml:7:11: cannot disable unknown rule 'stay-activ' (did you mean 'stay-active'?)",
                "test.yaml:7:23: cannot disable unknown rule 'posture'",
            }));
}

TEST(LoadRules, MissingVersion) {
  EXPECT_EQ(load_errors("techniques:\n  - {id: swedish, name: Swedish, summary: s, pressure: low}\n"),
            std::vector<std::string>{"test.yaml:1:1: missing 'version: 1' at the top of the rule file"});
}

TEST(LoadRules, AMissingVersionDoesNotHideTheRestOfTheFile) {
  EXPECT_EQ(load_errors("techniques:\n  - {id: swedish, name: Swedish, summary: s, pressure: lwo}\n"),
            (std::vector<std::string>{
                "test.yaml:1:1: missing 'version: 1' at the top of the rule file",
                "test.yaml:2:56: unknown pressure 'lwo': expected low, medium or firm (did you mean 'low'?)",
            }));
}

TEST(LoadRules, WrongVersion) {
  EXPECT_EQ(load_errors("version: 2\ntechniques:\n  - {id: swedish, name: Swedish, summary: s, pressure: low}\n"),
            std::vector<std::string>{"test.yaml:1:10: unsupported format version 2: this backrelief reads version 1"});
}

TEST(LoadRules, VersionMustBeAWholeNumber) {
  EXPECT_EQ(load_errors("version: one\n"),
            std::vector<std::string>{"test.yaml:1:10: expected the format version as a decimal number, found 'one'"});
}

TEST(LoadRules, InvalidYamlGivesAPosition) {
  EXPECT_EQ(load_errors("version: 1\nrules:\n  - {id: a, because: [x}\n"),
            std::vector<std::string>{"test.yaml:3:24: invalid YAML: illegal flow end"});
}

TEST(LoadRules, InvalidYamlDoesNotHideOtherFiles) {
  EXPECT_EQ(
      load_errors({
          RuleSource{"a.yaml", "version: 1\nrules: [\n"},
          RuleSource{"b.yaml", "version: 3\n"},
      }),
      (std::vector<std::string>{
          "a.yaml:2:8: the '[' here is never closed: end it with ']' (invalid YAML: end of sequence flow not found)",
          "b.yaml:1:10: unsupported format version 3: this backrelief reads version 1",
      }));
}

TEST(LoadRules, EmptyFile) {
  EXPECT_EQ(load_errors("# nothing here\n"),
            std::vector<std::string>{"test.yaml:1:1: empty rule file: expected 'version: 1' and rules"});
}

TEST(LoadRules, FileThatIsNotAMapping) {
  EXPECT_EQ(
      load_errors("- version: 1\n"),
      std::vector<std::string>{"test.yaml:1:1: expected a rule file (a mapping of keys to values), found a list"});
}

TEST(LoadRules, SectionThatIsNotAList) {
  EXPECT_EQ(load_errors(k_techniques + "rules:\n  calm: {score: {swedish: 1}}\n"),
            std::vector<std::string>{"test.yaml:6:3: expected 'rules' to be a list, found a mapping"});
}

TEST(LoadRules, RuleWithNoEffect) {
  EXPECT_EQ(load_errors(k_techniques + "rules:\n  - {id: idle, when: {pressure: low}, because: x, source: y}\n"),
            std::vector<std::string>{"test.yaml:6:5: rule 'idle' has no effect: give at least one of score, exclude, "
                                     "caution, refer or advice"});
}

/// A rule whose condition is `levels` nested `not:` around a pressure test.
std::string nested_rule(int levels) {
  std::string when;
  for (int i = 0; i < levels; ++i) {
    when += "{not: ";
  }
  when += "{pressure: low}";
  when += std::string(static_cast<std::size_t>(levels), '}');
  return k_techniques + "rules:\n  - id: deep\n    score: {swedish: 1}\n    because: x\n    when: " + when + "\n";
}

TEST(LoadRules, ConditionsMayNestToTheLimit) {
  ASSERT_EQ(k_max_condition_depth, 32);
  const RuleSet rules = load_text(nested_rule(k_max_condition_depth));
  ASSERT_EQ(rules.rules().size(), 1U);
  const Condition* condition = &rules.rules()[0].when;
  int depth = 0;
  while (condition->kind == Condition::Kind::negation) {
    condition = &condition->children.front();
    ++depth;
  }
  EXPECT_EQ(depth, 32);
  EXPECT_EQ(condition->kind, Condition::Kind::pressure);
}

TEST(LoadRules, ConditionNestingTooDeepIsRefused) {
  // The 33rd `not` sits at column 11 + 6 * 33 of line 9.
  EXPECT_EQ(load_errors(nested_rule(k_max_condition_depth + 1)),
            std::vector<std::string>{"test.yaml:9:209: conditions nest deeper than 32 levels"});
}

TEST(LoadRules, AnyAndAllNeedConditions) {
  EXPECT_EQ(load_errors(k_techniques + R"(rules:
  - {id: a, when: {any: []}, score: {swedish: 1}, because: x}
  - {id: b, when: {}, score: {swedish: 1}, because: x}
  - {id: c, when: {all: {pressure: low}}, score: {swedish: 1}, because: x}
)"),
            (std::vector<std::string>{
                "test.yaml:6:25: expected at least one condition in the list",
                "test.yaml:7:19: empty condition: give at least one key such as 'pressure' or 'condition'",
                "test.yaml:8:25: expected a list of conditions after 'all', found a mapping",
            }));
}

TEST(LoadRules, UnknownConditionKeySuggestsOne) {
  const auto errors =
      load_errors(k_techniques + "rules:\n  - {id: a, when: {presure: low}, score: {swedish: 1}, because: x}\n");
  const std::string expected = "test.yaml:6:20: unknown key 'presure' in a condition (did you mean 'pressure'?)";
  EXPECT_NE(std::find(errors.begin(), errors.end(), expected), errors.end());
}

TEST(LoadRules, UnknownConditionKeyIsTheOnlyError) {
  EXPECT_EQ(
      load_errors(k_techniques + "rules:\n  - {id: a, when: {presure: low}, score: {swedish: 1}, because: x}\n"),
      std::vector<std::string>{"test.yaml:6:20: unknown key 'presure' in a condition (did you mean 'pressure'?)"});
}

TEST(LoadRules, EmptyListOfValuesInAConditionIsRefused) {
  const auto errors = load_errors(k_techniques + R"(concepts:
  - {id: gout, kind: condition, name: gout}
rules:
  - {id: a, when: {pressure: []}, score: {swedish: 1}, because: x}
  - {id: b, when: {condition: []}, score: {swedish: 1}, because: x}
)");
  // The wording is the fixer's choice; each empty list must be reported where it is written.
  ASSERT_EQ(errors.size(), 2U);
  EXPECT_EQ(errors[0].rfind("test.yaml:8:30: ", 0), 0U) << errors[0];
  EXPECT_EQ(errors[1].rfind("test.yaml:9:31: ", 0), 0U) << errors[1];
}

TEST(LoadRules, SpecialNumberIsRefusedAsAScore) {
  EXPECT_EQ(load_errors(k_techniques + "rules:\n  - {id: a, score: {swedish: nan}, because: x}\n"),
            std::vector<std::string>{"test.yaml:6:30: expected a score as a decimal number, found 'nan'"});
}

TEST(LoadRules, ListsMayBeLeftEmpty) {
  const RuleSet rules = load_text(k_techniques + "concepts:\nrules: []\ndisable:\n");
  EXPECT_EQ(rules.techniques().size(), 2U);
  EXPECT_TRUE(rules.concepts().empty());
  EXPECT_TRUE(rules.rules().empty());
}

TEST(LoadRules, TechniquesMissingEntirely) {
  EXPECT_EQ(load_errors(std::vector<RuleSource>{
                RuleSource{"test.yaml", "version: 1\nconcepts:\n  - {id: neck, kind: area, name: neck}\n"}}),
            std::vector<std::string>{"test.yaml: no techniques are defined: the rules need a 'techniques' section"});
}

TEST(LoadRules, NoSourcesAtAll) {
  EXPECT_EQ(load_errors(std::vector<RuleSource>{}),
            std::vector<std::string>{"rules: no techniques are defined: the rules need a 'techniques' section"});
}

TEST(LoadRules, TechniqueNeedsItsKeys) {
  EXPECT_EQ(load_errors("version: 1\ntechniques:\n  - {id: swedish, name: Swedish}\n"),
            (std::vector<std::string>{
                "test.yaml:3:5: a technique needs the key 'summary'",
                "test.yaml:3:5: a technique needs the key 'pressure'",
            }));
}

TEST(LoadRules, DuplicateTechniqueIdIsAnError) {
  EXPECT_EQ(
      load_errors(k_techniques + "  - {id: swedish, name: Other, summary: s, pressure: low}\n"),
      std::vector<std::string>{"test.yaml:5:5: duplicate technique id 'swedish' (first defined at test.yaml:3:5); "
                               "add 'replaces: true' to replace it"});
}

TEST(LoadRules, TechniqueIdThatIsAnotherTechniquesAliasIsAnError) {
  EXPECT_EQ(load_errors(k_techniques + "  - {id: deep, name: Other, summary: s, pressure: low}\n"),
            std::vector<std::string>{"test.yaml:5:5: 'deep' is already an alias of the technique 'deep-tissue'"});
}

TEST(LoadRules, TechniqueAliasThatNamesAnotherTechniqueIsAnError) {
  EXPECT_EQ(
      load_errors(k_techniques + "  - {id: shiatsu, aliases: [swedish], name: Other, summary: s, pressure: low}\n"),
      std::vector<std::string>{"test.yaml:5:5: 'swedish' already names the technique 'swedish'"});
}

TEST(LoadRules, TechniqueReplacedByALaterFile) {
  const RuleSet rules = load_rules({
      RuleSource{"a.yaml", k_techniques},
      RuleSource{"b.yaml", "version: 1\ntechniques:\n  - {id: swedish, replaces: true, name: Swedish massage, "
                           "summary: New., pressure: low}\n"},
  });
  ASSERT_EQ(rules.techniques().size(), 2U);
  EXPECT_EQ(rules.techniques()[0].id, "swedish");
  EXPECT_EQ(rules.techniques()[0].name, "Swedish massage");
  EXPECT_EQ(rules.techniques()[0].pressure_max, Pressure::low);
  EXPECT_EQ(to_string(rules.techniques()[0].origin), "b.yaml:3:5");
}

TEST(LoadRules, DuplicateConceptIdIsAnErrorEvenOfAnotherKind) {
  EXPECT_EQ(load_errors(k_techniques + R"(concepts:
  - {id: neck, kind: area, name: neck}
  - {id: neck, kind: goal, name: neck}
)"),
            std::vector<std::string>{"test.yaml:7:5: duplicate concept id 'neck' (first defined at test.yaml:6:5); add "
                                     "'replaces: true' to replace it"});
}

TEST(LoadRules, ConceptCountsAndPast) {
  const RuleSet rules = load_text(k_techniques + R"(concepts:
  - {id: old-clot, kind: condition, name: a past clot, counts: ever}
  - {id: clot, kind: condition, name: a clot, counts: 4w, past: old-clot}
  - {id: neck, kind: area, name: neck}
)");
  EXPECT_EQ(rules.concepts()[*rules.find_concept("old-clot")].counts_within_weeks, k_counts_ever);
  EXPECT_EQ(rules.concepts()[*rules.find_concept("clot")].counts_within_weeks, 4.0);
  EXPECT_EQ(rules.concepts()[*rules.find_concept("neck")].counts_within_weeks, k_counts_as_written);
  EXPECT_EQ(rules.vocabulary().past(*rules.find_concept("clot")), rules.find_concept("old-clot"));
}

TEST(LoadRules, ConceptCountsAndPastErrors) {
  EXPECT_EQ(load_errors(k_techniques + R"(concepts:
  - {id: clot, kind: condition, name: a clot, counts: recently}
)"),
            std::vector<std::string>{"test.yaml:6:55: 'counts' is 'recently': expected 'ever' or how recent a mention "
                                     "must be to count, as a span such as 3d, 4w, 6m or 1y"});
  EXPECT_EQ(
      load_errors(k_techniques + R"(concepts:
  - {id: old-clot, kind: condition, name: a past clot}
  - {id: clot, kind: condition, name: a clot, counts: 4w, past: old-clots}
)"),
      std::vector<std::string>{"test.yaml:7:65: unknown concept 'old-clots' in 'past' (did you mean 'old-clot'?)"});
}

TEST(LoadRules, ConceptReplacementKeepsItsKind) {
  EXPECT_EQ(
      load_errors(k_techniques + R"(concepts:
  - {id: relief, kind: goal, name: relief}
  - {id: relief, kind: condition, name: relief, replaces: true}
)"),
      std::vector<std::string>{"test.yaml:7:5: concept 'relief' is a goal; a replacement cannot change its kind"});
}

TEST(LoadRules, ConceptAliasThatNamesAnotherConceptIsAnError) {
  EXPECT_EQ(load_errors(k_techniques + R"(concepts:
  - {id: hips, kind: area, name: hips}
  - {id: hip, kind: area, name: hip, aliases: [hips]}
)"),
            std::vector<std::string>{"test.yaml:7:5: alias 'hips' already names the area 'hips'"});
}

TEST(LoadRules, ConceptIdThatIsAnotherConceptsAliasIsAnError) {
  EXPECT_EQ(load_errors(k_techniques + R"(concepts:
  - {id: hip, kind: area, name: hip, aliases: [hips]}
  - {id: hips, kind: area, name: hips}
)"),
            std::vector<std::string>{"test.yaml:7:5: 'hips' already names the area 'hip'"});
}

TEST(LoadRules, UnknownConceptKindSuggestsOne) {
  EXPECT_EQ(load_errors(k_techniques + "concepts:\n  - {id: fever, kind: red_flag, name: fever}\n"),
            std::vector<std::string>{"test.yaml:6:23: unknown kind 'red_flag': expected one of area, goal, condition, "
                                     "symptom, quality, side, context, red-flag (did you mean 'red-flag'?)"});
}

TEST(ParseRule, LeavesTheDocumentUntouched) {
  std::vector<Diagnostic> diagnostics;
  YamlReader reader("test.yaml", diagnostics);
  const YAML::Node rule = YAML::Load("{id: r, refer: {level: urgent, advice: Go today.}, because: b}");
  const auto parsed = parse_rule(reader, rule, RuleSet{});
  ASSERT_TRUE(parsed.has_value());
  EXPECT_EQ(parsed->rule.referral->level, ReferralLevel::urgent);
  EXPECT_TRUE(rule["refer"].IsMap());
}

TEST(ReadRuleSources, ReadsADirectoryInNameOrder) {
  const auto directory = std::filesystem::temp_directory_path() /
                         ("backrelief-read-order-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()));
  std::filesystem::create_directories(directory / "20-skipped-directory.yaml");
  for (const char* name : {"30-c.yaml", "10-a.yaml", "20-b.yaml", "notes.txt"}) {
    std::ofstream(directory / name) << "version: 1\n";
  }
  const auto sources = read_rule_sources(directory);
  std::vector<std::string> names;
  for (const RuleSource& source : sources) {
    names.push_back(std::filesystem::path(source.name).filename().string());
    EXPECT_EQ(source.text, "version: 1\n") << source.name;
  }
  std::filesystem::remove_all(directory);
  EXPECT_EQ(names, (std::vector<std::string>{"10-a.yaml", "20-b.yaml", "30-c.yaml"}));
}

TEST(ReadRuleSources, MissingPathIsAnIoError) {
  try {
    read_rule_sources("/nonexistent/backrelief-rules");
    FAIL() << "a missing path was read";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::io);
    EXPECT_STREQ(error.what(), "/nonexistent/backrelief-rules: no such rule file or directory");
  }
}

} // namespace
} // namespace backrelief
