#pragma once

#include "core/rules/rule_loader.hpp"
#include "core/util/diagnostic.hpp"

#include <gtest/gtest.h>
#include <string>
#include <vector>

namespace backrelief::test_support {

/// Loads one in-memory rule file named "test.yaml".
inline RuleSet load_text(std::string text) {
  return load_rules({RuleSource{"test.yaml", std::move(text)}});
}

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

/// Every diagnostic of one in-memory rule file named "test.yaml" that must fail to load.
inline std::vector<std::string> load_errors(std::string text) {
  return load_errors(std::vector<RuleSource>{RuleSource{"test.yaml", std::move(text)}});
}

} // namespace backrelief::test_support
