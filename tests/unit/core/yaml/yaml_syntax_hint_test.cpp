#include "core/yaml/yaml_guard.hpp"
#include "core/yaml/yaml_syntax_hint.hpp"

#include <gtest/gtest.h>
#include <string>

namespace backrelief {
namespace {

// What the parser's error becomes, through the check every rule file passes first.
std::string problem(const std::string& text) {
  const auto problems = check_yaml_structure("f.yaml", text, {}).problems;
  return problems.empty() ? "" : to_string(problems.front());
}

TEST(YamlSyntaxHint, ATabInTheIndentationIsNamedWhereItIs) {
  EXPECT_EQ(problem("version: 1\nrules:\n\t- id: x\n"),
            "f.yaml:3:1: YAML indents with spaces, not tabs: a tab here; replace it with spaces (two for each level)");
  EXPECT_EQ(problem("version: 1\nrules:\n  - id: x\n  \t because: y\n"),
            "f.yaml:4:3: YAML indents with spaces, not tabs: a tab here; replace it with spaces (two for each level)");
}

TEST(YamlSyntaxHint, AnIndentationThatLinesUpWithNothingNamesBothLines) {
  EXPECT_EQ(problem("version: 1\nrules:\n  - id: x\n    advice: y\n   because: z\n"),
            "f.yaml:5:4: this line is indented 3 spaces, the one above (4:5) 4: the keys of one mapping, and the "
            "'-' of each item of one list, start in the same column (invalid YAML: end of sequence not found)");
}

TEST(YamlSyntaxHint, ABracketNeverClosedIsNamedWhereItOpens) {
  EXPECT_EQ(problem("version: 1\nrules:\n  - id: x\n    when: {pressure: low\n"),
            "f.yaml:4:11: the '{' here is never closed: end it with '}' (invalid YAML: end of map flow not found)");
  EXPECT_EQ(problem("a: [1, \"]\", 2\n"),
            "f.yaml:1:4: the '[' here is never closed: end it with ']' (invalid YAML: end of sequence flow not "
            "found)");
}

TEST(YamlSyntaxHint, ASecondColonInAValueAsksForQuotes) {
  const std::string found = problem("version: 1\nrules:\n  - id: x\n    because: Note: it helps\n");
  EXPECT_NE(found.find("a value that holds a colon and a space goes in quotes, as in because: \"Note: it helps\""),
            std::string::npos)
      << found;
}

TEST(YamlSyntaxHint, AListItemAmongTheKeysOfAMapping) {
  EXPECT_EQ(problem("version: 1\n- id: x\n"),
            "f.yaml:2:1: a list item ('-') where the keys of a mapping go: give it a key, or indent it under the key "
            "whose list it is (invalid YAML: end of map not found)");
}

TEST(YamlSyntaxHint, OtherErrorsKeepTheParsersWords) {
  EXPECT_EQ(problem("a: \"x\\q\"\n"), "f.yaml:1:8: invalid YAML: unknown escape character: q");
}

TEST(YamlSyntaxHint, AKeyWithoutASpaceAfterItsColon) {
  EXPECT_EQ(missing_space_hint("id:x"), "; 'id:x' needs a space after its colon to be a key and its value: 'id: x'");
  EXPECT_EQ(missing_space_hint("see: a doctor"), "");
  EXPECT_EQ(missing_space_hint("http://x"), "");
  EXPECT_EQ(missing_space_hint("plain words"), "");
}

} // namespace
} // namespace backrelief
