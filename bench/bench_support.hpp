#pragma once

#include "core/rules/rule_loader.hpp"
#include "core/text/known_words.hpp"

#include <memory>

namespace backrelief::bench {

/// The shipped rules with the system word lists, loaded once per process.
inline const RuleSet& shipped_rules() {
  static const RuleSet rules = [] {
    RuleSet loaded = load_rules(read_rule_sources(BACKRELIEF_BENCH_RULES_DIR));
    loaded.use_known_words(std::make_shared<KnownWords>(system_word_lists()));
    return loaded;
  }();
  return rules;
}

} // namespace backrelief::bench
