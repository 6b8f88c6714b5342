#pragma once

// Shared by the fuzz targets: the shipped rules, read once per process, and small helpers.

#include "core/engine/profile.hpp"
#include "core/engine/recommendation.hpp"
#include "core/rules/rule_loader.hpp"
#include "core/text/known_words.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string_view>
#include <vector>

namespace backrelief::fuzz {

/// The shipped rule files (rules/ of the source tree), read once per process.
inline const std::vector<RuleSource>& shipped_sources() {
  static const std::vector<RuleSource> sources = read_rule_sources(BACKRELIEF_FUZZ_RULES_DIR);
  return sources;
}

/// The shipped rules with the system word lists attached, loaded once per process.
inline const RuleSet& shipped_rules() {
  static const RuleSet rules = [] {
    RuleSet loaded = load_rules(shipped_sources());
    loaded.use_known_words(std::make_shared<KnownWords>(system_word_lists()));
    return loaded;
  }();
  return rules;
}

/// The fuzzer's bytes, as text (not necessarily valid UTF-8).
inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

/// Aborts, so libFuzzer records the input, when a property that must always hold does not.
inline void expect(bool holds, const char* what) {
  if (!holds) {
    std::fprintf(stderr, "fuzz: property violated: %s\n", what);
    std::abort();
  }
}

/// Ranks the techniques for a resolved profile and checks what every recommendation promises.
inline void recommend_and_check(const RuleSet& rules, const Profile& profile) {
  const Recommendation result = recommend(rules, profile);
  expect(result.suggestions.size() + result.excluded.size() == rules.techniques().size(),
         "every technique is either suggested or excluded, once");
  for (std::size_t i = 0; i < result.suggestions.size(); ++i) {
    const TechniqueOutcome& outcome = result.suggestions[i];
    expect(outcome.technique < rules.techniques().size(), "suggested technique ids are in range");
    expect(outcome.exclusions.empty(), "a suggestion has no exclusions");
    expect(outcome.rank == static_cast<int>(i + 1), "suggestions are ranked 1, 2, 3, ...");
    expect(i == 0 || result.suggestions[i - 1].score >= outcome.score, "suggestions are sorted best first");
  }
  for (const TechniqueOutcome& outcome : result.excluded) {
    expect(outcome.technique < rules.techniques().size(), "excluded technique ids are in range");
    expect(outcome.rank == 0, "an excluded technique has rank 0");
  }
  for (const RuleTrace& entry : result.trace) {
    if (entry.fired && entry.rule != nullptr) {
      (void)words_behind(*entry.rule, profile);
    }
  }
}

} // namespace backrelief::fuzz
