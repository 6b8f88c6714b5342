#include "core/util/diagnostic.hpp"

#include <gtest/gtest.h>

namespace backrelief {
namespace {

TEST(Diagnostic, NamesThePlaceThenTheFieldThenTheProblem) {
  EXPECT_EQ(to_string(Diagnostic{{"rules.yaml", 3, 7}, "unknown key 'wehn'"}), "rules.yaml:3:7: unknown key 'wehn'");
  EXPECT_EQ(to_string(Diagnostic{{}, "unknown value 'lwo'", "pressure"}), "pressure: unknown value 'lwo'");
  EXPECT_EQ(to_string(Diagnostic{{"s.yaml", 4, 0}, "unknown value 'x'", "goal"}), "s.yaml:4: goal: unknown value 'x'");
  EXPECT_EQ(to_string(Diagnostic{{}, "no description"}), "no description");
}

TEST(Diagnostic, AnErrorSaysItsFirstProblem) {
  const Error error(ErrorKind::invalid_input, {{{}, "first", "age"}, {{}, "second"}});
  EXPECT_STREQ(error.what(), "age: first");
  EXPECT_EQ(error.diagnostics().size(), 2U);
}

} // namespace
} // namespace backrelief
