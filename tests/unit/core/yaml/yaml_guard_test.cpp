#include "core/yaml/yaml_guard.hpp"

#include <gtest/gtest.h>
#include <string>

namespace backrelief {
namespace {

// The first problem as "line:column: message", or "" when the text passes.
std::string bytes_problem(std::string_view text, YamlLimits limits = {}) {
  const auto problems = check_yaml_bytes("f.yaml", text, limits);
  return problems.empty() ? "" : to_string(problems.front());
}

std::string structure_problem(const std::string& text, YamlLimits limits = {}) {
  const auto problems = check_yaml_structure("f.yaml", text, limits).problems;
  return problems.empty() ? "" : to_string(problems.front());
}

YamlLimits node_limit(std::size_t max_nodes, std::size_t nodes_before = 0) {
  YamlLimits limits;
  limits.max_nodes = max_nodes;
  limits.nodes_before = nodes_before;
  return limits;
}

TEST(YamlGuard, CountsEveryKeyValueListAndMapping) {
  // The mapping, two keys, a list, its two items and a null: seven nodes.
  EXPECT_EQ(check_yaml_structure("f.yaml", "a: [1, 2]\nb:\n", {}).nodes, 7U);
}

TEST(YamlGuard, RefusesMoreNodesThanTheLimitAtTheFirstOneOver) {
  const std::string text = "a: [1, 2, 3, 4]\n";
  EXPECT_EQ(structure_problem(text, node_limit(7)), "");
  EXPECT_EQ(structure_problem(text, node_limit(6)),
            "f.yaml:1:14: more than 6 YAML nodes (values, lists and mappings) in one file; split the rules into "
            "smaller files, or load fewer");
}

TEST(YamlGuard, CountsTheNodesOfTheFilesReadBefore) {
  EXPECT_EQ(structure_problem("a: [1, 2, 3, 4]\n", node_limit(10, 5)),
            "f.yaml:1:11: more than 10 YAML nodes (values, lists and mappings) in the rule files together (5 in "
            "the files before this one): every file's YAML is held until all are read, so load fewer or smaller "
            "files");
}

TEST(YamlGuard, PlainRuleTextPasses) {
  const std::string text = "version: 1\n# a [comment {\nrules:\n  - {id: a, because: \"it's [1] {x\"}\n";
  EXPECT_EQ(bytes_problem(text), "");
  EXPECT_EQ(structure_problem(text), "");
}

TEST(YamlGuard, Utf8IncludingItsByteOrderMarkPasses) {
  EXPECT_EQ(bytes_problem("\xEF\xBB\xBFversion: 1\nname: Schr\xC3\xB6"
                          "der \xE2\x9C\x93 \xF0\x9F\x98\x80\n"),
            "");
}

TEST(YamlGuard, RefusesInvalidUtf8AtItsPlace) {
  EXPECT_EQ(bytes_problem("a: b\nc: \xC3(\n"), "f.yaml:2:4: invalid UTF-8 (byte 0xC3): save the file as UTF-8");
  EXPECT_EQ(bytes_problem("a: \xC0\xAF"), "f.yaml:1:4: invalid UTF-8 (byte 0xC0): save the file as UTF-8"); // overlong
  EXPECT_EQ(bytes_problem("a: \xED\xA0\x80"),
            "f.yaml:1:4: invalid UTF-8 (byte 0xED): save the file as UTF-8"); // surrogate
  EXPECT_EQ(bytes_problem("a: \xF4\x90\x80\x80"), "f.yaml:1:4: invalid UTF-8 (byte 0xF4): save the file as UTF-8");
  EXPECT_EQ(bytes_problem("a: \xE2\x9C"), "f.yaml:1:4: invalid UTF-8 (byte 0xE2): save the file as UTF-8"); // cut short
}

TEST(YamlGuard, RefusesNulAndControlBytesButNotWhitespace) {
  EXPECT_EQ(bytes_problem("a:\tb\r\n"), "");
  EXPECT_EQ(bytes_problem(std::string_view("a: \"b\0c\"", 8)), "f.yaml:1:6: a NUL byte: this is not a text file");
  EXPECT_EQ(bytes_problem("a: \x07"), "f.yaml:1:4: a control character (byte 0x07) is not allowed");
  EXPECT_EQ(bytes_problem("a: \x7F"), "f.yaml:1:4: a control character (byte 0x7F) is not allowed");
}

TEST(YamlGuard, NamesOtherEncodings) {
  EXPECT_EQ(bytes_problem(std::string_view("\xFF\xFEv\0", 4)),
            "f.yaml:1:1: the file looks like UTF-16 text: save it as UTF-8");
  EXPECT_EQ(bytes_problem(std::string_view("\xFE\xFF\0v", 4)),
            "f.yaml:1:1: the file looks like UTF-16 text: save it as UTF-8");
  EXPECT_EQ(bytes_problem(std::string_view("\xFF\xFE\0\0v\0\0\0", 8)),
            "f.yaml:1:1: the file looks like UTF-32 text: save it as UTF-8");
  EXPECT_EQ(bytes_problem(std::string_view("v\0e\0", 4)),
            "f.yaml:1:1: the file looks like UTF-16 text: save it as UTF-8");
}

TEST(YamlGuard, RefusesTextOverTheSize) {
  YamlLimits limits;
  limits.max_bytes = 10;
  EXPECT_EQ(bytes_problem("0123456789", limits), "");
  EXPECT_EQ(bytes_problem("0123456789\n", limits),
            "f.yaml: larger than 10 bytes (11 bytes); split it into smaller files");
}

TEST(YamlGuard, CountsFlowNestingOutsideQuotesAndComments) {
  YamlLimits limits;
  limits.max_depth = 3;
  EXPECT_EQ(bytes_problem("a: [[[x]]]\n", limits), "");
  EXPECT_EQ(bytes_problem("a: [[[[x]]]]\n", limits), "f.yaml:1:7: brackets nested more than 3 levels deep");
  EXPECT_EQ(bytes_problem("a: {b: {c: {d: 1}}}\n", limits), "");
  EXPECT_EQ(bytes_problem("a: \"[[[[\"\nb: '[[[[ it''s'\n# [[[[\nc: x#[[[[\n", limits), "");
  // A bracket inside a word is text; one after a space still counts, closed or not.
  EXPECT_EQ(bytes_problem("a: x[[[[[\n", limits), "");
  EXPECT_EQ(bytes_problem("a: see [1] and [2] and [3] and [4]\n", limits), "");
}

TEST(YamlGuard, RefusesAnchorsAliasesAndSecondDocuments) {
  EXPECT_EQ(structure_problem("a: &x 1\nb: 2\n"),
            "f.yaml:1:4: anchors (&name) are not allowed: write each value out in full");
  // An alias of no anchor is a syntax error first; either way it is refused where it stands.
  EXPECT_EQ(structure_problem("a: [1]\nb: *x\n").rfind("f.yaml:2:4: ", 0), 0U);
  EXPECT_EQ(structure_problem("root: &r {child: *r}\n"),
            "f.yaml:1:7: anchors (&name) are not allowed: write each value out in full");
  EXPECT_EQ(structure_problem("a: 1\n---\nb: 2\n"),
            "f.yaml:2:1: a second YAML document: a file holds one document, so remove the '---' or '...' before this");
  EXPECT_EQ(structure_problem("---\na: 1\n...\n"), "");
}

TEST(YamlGuard, RefusesDeepBlockNesting) {
  YamlLimits limits;
  limits.max_depth = 3;
  EXPECT_EQ(structure_problem("a:\n  b:\n    c: 1\n", limits), "");
  EXPECT_EQ(structure_problem("- - - - x\n", limits), "f.yaml:1:7: nested more than 3 levels deep");
}

TEST(YamlGuard, ReportsSyntaxErrorsAtTheirPlace) {
  EXPECT_EQ(structure_problem("a: [1, 2\n").rfind("f.yaml:", 0), 0U);
  EXPECT_NE(structure_problem("a: [1, 2\n").find("invalid YAML"), std::string::npos);
  EXPECT_NE(structure_problem(","), "");
}

} // namespace
} // namespace backrelief
