#include "core/yaml/yaml_reader.hpp"

#include <gtest/gtest.h>
#include <string>
#include <vector>

namespace backrelief {
namespace {

const std::vector<std::string> k_allowed{"weight", "height", "name"};

/// A reader over "f.yaml" that keeps its diagnostics as `file:line:column: message` lines.
class YamlReaderTest : public ::testing::Test {
protected:
  [[nodiscard]] std::vector<std::string> messages() const {
    std::vector<std::string> lines;
    for (const Diagnostic& diagnostic : m_diagnostics) {
      lines.push_back(to_string(diagnostic));
    }
    return lines;
  }

  std::vector<Diagnostic> m_diagnostics;
  YamlReader m_reader{"f.yaml", m_diagnostics};
};

TEST_F(YamlReaderTest, WhereIsOneBased) {
  const YAML::Node root = YAML::Load("a: 1\nb:\n  c: 2\n");
  const SourceLocation where = m_reader.where(root["b"]["c"]);
  EXPECT_EQ(where.file, "f.yaml");
  EXPECT_EQ(where.line, 3);
  EXPECT_EQ(where.column, 6);
}

TEST_F(YamlReaderTest, MappingKeepsKeysInOrder) {
  const YAML::Node root = YAML::Load("name: x\nweight: 2\n");
  const auto fields = m_reader.mapping(root, k_allowed, "a thing");
  ASSERT_TRUE(fields.has_value());
  ASSERT_EQ(fields->all().size(), 2U);
  EXPECT_EQ(fields->all()[0].key, "name");
  EXPECT_EQ(fields->all()[1].key, "weight");
  ASSERT_NE(fields->find("weight"), nullptr);
  EXPECT_EQ(fields->find("weight")->Scalar(), "2");
  EXPECT_EQ(fields->find("height"), nullptr);
  EXPECT_TRUE(m_diagnostics.empty());
}

TEST_F(YamlReaderTest, DuplicateKeyIsReportedWithBothPositions) {
  const YAML::Node root = YAML::Load("weight: 1\nname: x\n  \nweight: 3\n");
  const auto fields = m_reader.mapping(root, k_allowed, "a thing");
  ASSERT_TRUE(fields.has_value());
  EXPECT_EQ(messages(), std::vector<std::string>{"f.yaml:4:1: duplicate key 'weight' in a thing (first given at "
                                                 "f.yaml:1:1)"});
  // The first value is kept and the duplicate left out.
  ASSERT_EQ(fields->all().size(), 2U);
  EXPECT_EQ(fields->find("weight")->Scalar(), "1");
}

TEST_F(YamlReaderTest, DuplicateKeyInFlowMappingIsReported) {
  const YAML::Node root = YAML::Load("{name: a, name: b}");
  m_reader.mapping(root, k_allowed, "a thing");
  EXPECT_EQ(messages(), std::vector<std::string>{"f.yaml:1:11: duplicate key 'name' in a thing (first given at "
                                                 "f.yaml:1:2)"});
}

TEST_F(YamlReaderTest, UnknownKeySuggestsTheClosestAllowedKey) {
  const YAML::Node root = YAML::Load("name: x\nwieght: 2\n");
  const auto fields = m_reader.mapping(root, k_allowed, "a thing");
  ASSERT_TRUE(fields.has_value());
  EXPECT_EQ(messages(),
            std::vector<std::string>{"f.yaml:2:1: unknown key 'wieght' in a thing (did you mean 'weight'?)"});
  ASSERT_EQ(fields->all().size(), 1U);
  EXPECT_EQ(fields->all()[0].key, "name");
}

TEST_F(YamlReaderTest, UnknownKeyWithoutACloseMatchHasNoSuggestion) {
  const YAML::Node root = YAML::Load("colour: red\n");
  m_reader.mapping(root, k_allowed, "a thing");
  EXPECT_EQ(messages(), std::vector<std::string>{"f.yaml:1:1: unknown key 'colour' in a thing"});
}

TEST_F(YamlReaderTest, EveryBadKeyIsReported) {
  const YAML::Node root = YAML::Load("wieght: 1\nnmae: x\nweight: 2\nweight: 3\n");
  m_reader.mapping(root, k_allowed, "a thing");
  EXPECT_EQ(messages(), (std::vector<std::string>{
                            "f.yaml:1:1: unknown key 'wieght' in a thing (did you mean 'weight'?)",
                            "f.yaml:2:1: unknown key 'nmae' in a thing (did you mean 'name'?)",
                            "f.yaml:4:1: duplicate key 'weight' in a thing (first given at f.yaml:3:1)",
                        }));
}

TEST_F(YamlReaderTest, MappingRefusesAList) {
  const YAML::Node root = YAML::Load("- a\n- b\n");
  EXPECT_EQ(m_reader.mapping(root, k_allowed, "a thing"), std::nullopt);
  EXPECT_EQ(messages(),
            std::vector<std::string>{"f.yaml:1:1: expected a thing (a mapping of keys to values), found a list"});
}

TEST_F(YamlReaderTest, MappingRefusesAKeyThatIsNotPlain) {
  const YAML::Node root = YAML::Load("? [a, b]\n: 1\nname: x\n");
  const auto fields = m_reader.mapping(root, k_allowed, "a thing");
  ASSERT_TRUE(fields.has_value());
  EXPECT_EQ(messages(), std::vector<std::string>{"f.yaml:1:3: expected a plain key in a thing, found a list"});
  EXPECT_EQ(fields->all().size(), 1U);
}

TEST_F(YamlReaderTest, RequireReportsEveryMissingKey) {
  const YAML::Node root = YAML::Load("\nheight: 1\n");
  const auto fields = m_reader.mapping(root, k_allowed, "a thing");
  ASSERT_TRUE(fields.has_value());
  EXPECT_FALSE(m_reader.require(*fields, root, std::vector<std::string>{"name", "height", "weight"}, "a thing"));
  EXPECT_EQ(messages(), (std::vector<std::string>{
                            "f.yaml:2:1: a thing needs the key 'name'",
                            "f.yaml:2:1: a thing needs the key 'weight'",
                        }));
}

TEST_F(YamlReaderTest, RequireAcceptsACompleteMapping) {
  const YAML::Node root = YAML::Load("name: x\n");
  const auto fields = m_reader.mapping(root, k_allowed, "a thing");
  ASSERT_TRUE(fields.has_value());
  EXPECT_TRUE(m_reader.require(*fields, root, std::vector<std::string>{"name"}, "a thing"));
  EXPECT_TRUE(m_diagnostics.empty());
}

TEST_F(YamlReaderTest, NumberReadsDecimals) {
  EXPECT_EQ(m_reader.number(YAML::Load("42"), "a score"), 42.0);
  EXPECT_EQ(m_reader.number(YAML::Load("0"), "a score"), 0.0);
  EXPECT_EQ(m_reader.number(YAML::Load("-1.5"), "a score"), -1.5);
  EXPECT_EQ(m_reader.number(YAML::Load("+2"), "a score"), 2.0);
  EXPECT_EQ(m_reader.number(YAML::Load("0.25"), "a score"), 0.25);
  EXPECT_TRUE(m_diagnostics.empty());
}

TEST_F(YamlReaderTest, NumberRefusesOctalLookingDigits) {
  EXPECT_EQ(m_reader.number(YAML::Load("042"), "a score"), std::nullopt);
  EXPECT_EQ(m_reader.number(YAML::Load("-07"), "a score"), std::nullopt);
  EXPECT_EQ(m_reader.number(YAML::Load("00"), "a score"), std::nullopt);
  EXPECT_EQ(messages(), (std::vector<std::string>{
                            "f.yaml:1:1: expected a score as a decimal number, found '042'",
                            "f.yaml:1:1: expected a score as a decimal number, found '-07'",
                            "f.yaml:1:1: expected a score as a decimal number, found '00'",
                        }));
}

TEST_F(YamlReaderTest, NumberRefusesOtherNotations) {
  for (const char* text : {"0x1A", "0o17", "1e3", "12abc", "1,5", ".inf", "-.inf", ".nan", "true", "--1", "1_000"}) {
    m_diagnostics.clear();
    EXPECT_EQ(m_reader.number(YAML::Load(text), "a score"), std::nullopt) << text;
    EXPECT_EQ(messages(), std::vector<std::string>{"f.yaml:1:1: expected a score as a decimal number, found '" +
                                                   std::string(text) + "'"});
  }
}

TEST_F(YamlReaderTest, NumberRefusesSpecialValues) {
  for (const char* text : {"nan", "inf", "-inf", "infinity", "NaN"}) {
    m_diagnostics.clear();
    EXPECT_EQ(m_reader.number(YAML::Load(text), "a score"), std::nullopt) << text;
    EXPECT_EQ(messages(), std::vector<std::string>{"f.yaml:1:1: expected a score as a decimal number, found '" +
                                                   std::string(text) + "'"});
  }
}

TEST_F(YamlReaderTest, NumberRefusesQuotedDigits) {
  // A quoted scalar is text, even when it looks like a number.
  EXPECT_EQ(m_reader.number(YAML::Load("'3'"), "a score"), std::nullopt);
  EXPECT_EQ(m_reader.number(YAML::Load("\"-1.5\""), "a score"), std::nullopt);
  EXPECT_EQ(messages(), (std::vector<std::string>{
                            "f.yaml:1:1: expected a score as a decimal number, found '3'",
                            "f.yaml:1:1: expected a score as a decimal number, found '-1.5'",
                        }));
}

TEST_F(YamlReaderTest, NumberRefusesTwoSigns) {
  EXPECT_EQ(m_reader.number(YAML::Load("+-5"), "a score"), std::nullopt);
  EXPECT_EQ(messages(), std::vector<std::string>{"f.yaml:1:1: expected a score as a decimal number, found '+-5'"});
}

TEST_F(YamlReaderTest, NumberRefusesEmptyAndNonScalars) {
  EXPECT_EQ(m_reader.number(YAML::Load("''"), "a score"), std::nullopt);
  EXPECT_EQ(m_reader.number(YAML::Load("[1, 2]"), "a score"), std::nullopt);
  EXPECT_EQ(messages(), (std::vector<std::string>{
                            "f.yaml:1:1: expected a score as text, found an empty string",
                            "f.yaml:1:1: expected a score as text, found a list",
                        }));
}

TEST_F(YamlReaderTest, IntegerReadsWholeNumbers) {
  EXPECT_EQ(m_reader.integer(YAML::Load("7"), "a count"), 7);
  EXPECT_EQ(m_reader.integer(YAML::Load("-3"), "a count"), -3);
  EXPECT_TRUE(m_diagnostics.empty());
}

TEST_F(YamlReaderTest, IntegerRefusesFractionsAndHugeValues) {
  EXPECT_EQ(m_reader.integer(YAML::Load("7.5"), "a count"), std::nullopt);
  EXPECT_EQ(m_reader.integer(YAML::Load("2000000000"), "a count"), std::nullopt);
  EXPECT_EQ(m_reader.integer(YAML::Load("012"), "a count"), std::nullopt);
  EXPECT_EQ(messages(), (std::vector<std::string>{
                            "f.yaml:1:1: expected a count as a whole number, found '7.5'",
                            "f.yaml:1:1: expected a count as a whole number, found '2000000000'",
                            "f.yaml:1:1: expected a count as a decimal number, found '012'",
                        }));
}

TEST_F(YamlReaderTest, BooleanIsOnlyTrueOrFalse) {
  EXPECT_EQ(m_reader.boolean(YAML::Load("true"), "a flag"), true);
  EXPECT_EQ(m_reader.boolean(YAML::Load("false"), "a flag"), false);
  EXPECT_TRUE(m_diagnostics.empty());
}

TEST_F(YamlReaderTest, BooleanRefusesYaml11Spellings) {
  for (const char* text : {"yes", "no", "on", "off", "True", "FALSE", "y", "1", "0"}) {
    m_diagnostics.clear();
    EXPECT_EQ(m_reader.boolean(YAML::Load(text), "a flag"), std::nullopt) << text;
    EXPECT_EQ(messages(), std::vector<std::string>{"f.yaml:1:1: expected a flag as true or false, found '" +
                                                   std::string(text) + "'"});
  }
}

TEST_F(YamlReaderTest, BooleanRefusesQuotedWords) {
  EXPECT_EQ(m_reader.boolean(YAML::Load("'true'"), "a flag"), std::nullopt);
  EXPECT_EQ(m_reader.boolean(YAML::Load("\"false\""), "a flag"), std::nullopt);
  EXPECT_EQ(messages(), (std::vector<std::string>{
                            "f.yaml:1:1: expected a flag as true or false, found 'true'",
                            "f.yaml:1:1: expected a flag as true or false, found 'false'",
                        }));
}

TEST_F(YamlReaderTest, BooleanRefusesNonScalars) {
  EXPECT_EQ(m_reader.boolean(YAML::Load("{a: 1}"), "a flag"), std::nullopt);
  EXPECT_EQ(messages(), std::vector<std::string>{"f.yaml:1:1: expected a flag as true or false, found a mapping"});
}

TEST_F(YamlReaderTest, TextReadsAScalar) {
  EXPECT_EQ(m_reader.text(YAML::Load("hello world"), "a name"), "hello world");
  EXPECT_EQ(m_reader.text(YAML::Load("12"), "a name"), "12");
  EXPECT_TRUE(m_diagnostics.empty());
}

TEST_F(YamlReaderTest, TextRefusesEmptyAndNonScalars) {
  EXPECT_EQ(m_reader.text(YAML::Load("''"), "a name"), std::nullopt);
  EXPECT_EQ(m_reader.text(YAML::Load("{a: 1}"), "a name"), std::nullopt);
  EXPECT_EQ(m_reader.text(YAML::Load("a: [1]")["a"], "a name"), std::nullopt);
  EXPECT_EQ(messages(), (std::vector<std::string>{
                            "f.yaml:1:1: expected a name as text, found an empty string",
                            "f.yaml:1:1: expected a name as text, found a mapping",
                            "f.yaml:1:4: expected a name as text, found a list",
                        }));
}

TEST_F(YamlReaderTest, IdentifierAcceptsLettersDigitsAndPunctuation) {
  EXPECT_EQ(m_reader.identifier(YAML::Load("deep-tissue"), "an id"), "deep-tissue");
  EXPECT_EQ(m_reader.identifier(YAML::Load("a_b.c"), "an id"), "a_b.c");
  EXPECT_EQ(m_reader.identifier(YAML::Load("9Lives"), "an id"), "9Lives");
  EXPECT_TRUE(m_diagnostics.empty());
}

TEST_F(YamlReaderTest, IdentifierRefusesOtherCharactersAndLeadingPunctuation) {
  EXPECT_EQ(m_reader.identifier(YAML::Load("has space"), "an id"), std::nullopt);
  EXPECT_EQ(m_reader.identifier(YAML::Load("-x"), "an id"), std::nullopt);
  EXPECT_EQ(m_reader.identifier(YAML::Load(".x"), "an id"), std::nullopt);
  EXPECT_EQ(m_reader.identifier(YAML::Load("a/b"), "an id"), std::nullopt);
  const std::string rest = "' is not an identifier: use letters, digits, '-', '_' and '.', starting with a letter "
                           "or digit";
  EXPECT_EQ(messages(), (std::vector<std::string>{
                            "f.yaml:1:1: an id 'has space" + rest,
                            "f.yaml:1:1: an id '-x" + rest,
                            "f.yaml:1:1: an id '.x" + rest,
                            "f.yaml:1:1: an id 'a/b" + rest,
                        }));
}

TEST_F(YamlReaderTest, ScalarListTakesOneValueOrAList) {
  const auto one = m_reader.scalar_list(YAML::Load("low"), "a pressure");
  ASSERT_TRUE(one.has_value());
  ASSERT_EQ(one->size(), 1U);
  EXPECT_EQ((*one)[0].Scalar(), "low");
  const auto two = m_reader.scalar_list(YAML::Load("[low, firm]"), "a pressure");
  ASSERT_TRUE(two.has_value());
  ASSERT_EQ(two->size(), 2U);
  EXPECT_EQ((*two)[0].Scalar(), "low");
  EXPECT_EQ((*two)[1].Scalar(), "firm");
  EXPECT_TRUE(m_diagnostics.empty());
}

TEST_F(YamlReaderTest, ScalarListReportsEveryBadItem) {
  EXPECT_EQ(m_reader.scalar_list(YAML::Load("[low, [a], {b: 1}]"), "a pressure"), std::nullopt);
  EXPECT_EQ(m_reader.scalar_list(YAML::Load("{a: 1}"), "a pressure"), std::nullopt);
  EXPECT_EQ(messages(), (std::vector<std::string>{
                            "f.yaml:1:7: expected each of a pressure to be a value, found a list",
                            "f.yaml:1:12: expected each of a pressure to be a value, found a mapping",
                            "f.yaml:1:1: expected a pressure as a value or a list of values, found a mapping",
                        }));
}

TEST(Quoted, TellsQuotedScalarsFromPlainOnes) {
  EXPECT_TRUE(quoted(YAML::Load("'3'")));
  EXPECT_TRUE(quoted(YAML::Load("\"true\"")));
  EXPECT_FALSE(quoted(YAML::Load("3")));
  EXPECT_FALSE(quoted(YAML::Load("true")));
}

TEST(DescribeNode, NamesEveryKind) {
  EXPECT_EQ(describe_node(YAML::Load("{a: 1}")), "a mapping");
  EXPECT_EQ(describe_node(YAML::Load("[1]")), "a list");
  EXPECT_EQ(describe_node(YAML::Load("x")), "a scalar");
  EXPECT_EQ(describe_node(YAML::Load("")), "nothing");
  EXPECT_EQ(describe_node(YAML::Load("~")), "nothing");
}

} // namespace
} // namespace backrelief
