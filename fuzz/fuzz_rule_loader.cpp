// Fuzzes the rule loader. The input is the text of one rule file.
//
// Built twice from this file:
//   fuzz_rule_loader        loads the input after the shipped rules, so it can replace, disable
//                           and refer to what they define (the usual rules.d/ override case);
//   fuzz_rule_loader_alone  loads the input as the only file (--no-default-rules --rules FILE),
//                           compiled with BACKRELIEF_FUZZ_ALONE.
// Error is how the loader rejects a file, so only it is caught; any other exception, a crash, a
// sanitizer report, a leak or a hang is a finding. A rule set that loads is then linted and used
// for one recommendation, so the engine meets rule sets nobody would write by hand.

#include "fuzz_support.hpp"

#include "core/authoring/rule_lint.hpp"

#include <string>

namespace {

using namespace backrelief;

/// A person who touches most kinds of condition: options, numbers and a description.
ProfileInput sample_input() {
  ProfileInput input;
  input.description = "I'm 58, sharp lower back pain for 3 months, about 6/10, no numbness, knots in my neck";
  input.pressure = "firm";
  input.goals = {"relief"};
  input.areas = {"lower-back"};
  input.age = 58;
  input.duration = "3m";
  return input;
}

void exercise(const RuleSet& rules) {
  (void)lint_rules(rules);
  Profile profile;
  try {
    profile = make_profile(sample_input(), rules);
  } catch (const Error&) {
    // The input's rules need not define "firm", "relief" or "lower-back": try the description alone.
    ProfileInput bare;
    bare.description = sample_input().description;
    profile = make_profile(bare, rules);
  }
  fuzz::recommend_and_check(rules, profile);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::vector<RuleSource> sources;
#ifndef BACKRELIEF_FUZZ_ALONE
  sources = fuzz::shipped_sources();
#endif
  sources.push_back(RuleSource{"fuzz.yaml", std::string(fuzz::as_text(data, size))});
  try {
    const RuleSet rules = load_rules(sources);
    exercise(rules);
  } catch (const Error&) {
    // Rejected with diagnostics: the expected outcome for most inputs.
  }
  return 0;
}
