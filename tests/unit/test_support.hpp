#pragma once

#include "core/rules/rule_loader.hpp"
#include "core/util/diagnostic.hpp"
#include "core/util/file_text.hpp"

#include <gtest/gtest.h>
#include <string>
#include <vector>

namespace backrelief::test_support {

#ifdef BACKRELIEF_TEST_RULES_DIR
/// The shipped modifiers and word classes (rules/05-context.yaml): a rule file with phrases needs
/// them, and a test of how words are read should read them the way backrelief does.
inline RuleSource shipped_context() {
  static const std::string text = read_file_text(BACKRELIEF_TEST_RULES_DIR "/05-context.yaml").value_or("");
  return RuleSource{BACKRELIEF_TEST_RULES_DIR "/05-context.yaml", text};
}

/// Loads one in-memory rule file named "test.yaml", after the shipped context rules.
inline RuleSet load_text(std::string text) {
  return load_rules({shipped_context(), RuleSource{"test.yaml", std::move(text)}});
}
#endif

/// The smallest rule file that loads, open for word sets: one technique, then "word-sets:".
inline const std::string k_word_sets_header =
    "version: 1\n"
    "techniques:\n"
    "  - {id: swedish, name: Swedish, summary: Gentle strokes., pressure: [low, medium]}\n"
    "word-sets:\n";

/// Every diagnostic, as `file:line:column: message`, of sources that must fail to load.
inline std::vector<std::string> load_errors(const std::vector<RuleSource>& sources) {
  try {
    load_rules(sources);
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::invalid_rules);
    std::vector<std::string> lines;
    for (const Diagnostic& diagnostic : error.diagnostics()) {
      lines.push_back(to_string(diagnostic));
    }
    return lines;
  }
  ADD_FAILURE() << "the rules loaded without an error";
  return {};
}

#ifdef BACKRELIEF_TEST_RULES_DIR
/// Every diagnostic of one in-memory rule file named "test.yaml", read after the shipped context
/// rules, that must fail to load.
inline std::vector<std::string> load_errors(std::string text) {
  return load_errors(std::vector<RuleSource>{shipped_context(), RuleSource{"test.yaml", std::move(text)}});
}
#endif

} // namespace backrelief::test_support
