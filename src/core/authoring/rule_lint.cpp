#include "core/authoring/rule_lint.hpp"

#include "core/rules/condition_description.hpp"
#include "core/text/tokenizer.hpp"
#include "core/text/vocabulary.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <limits>
#include <map>
#include <set>
#include <tuple>
#include <utility>

namespace backrelief {

namespace {

/// The leaves a rule's condition requires at once: its top-level `all`, flattened, with `not`
/// leaves kept apart. `any` groups are left out, which keeps every conclusion sound.
struct Conjunction {
  std::vector<const Condition*> required;
  std::vector<const Condition*> forbidden;
};

void flatten(const Condition& condition, Conjunction& out) {
  switch (condition.kind) {
  case Condition::Kind::all:
    for (const Condition& child : condition.children) {
      flatten(child, out);
    }
    break;
  case Condition::Kind::negation:
    out.forbidden.push_back(&condition.children.front());
    break;
  case Condition::Kind::any:
    if (condition.children.size() == 1) {
      flatten(condition.children.front(), out);
    }
    break;
  default:
    out.required.push_back(&condition);
  }
}

// Why the required leaves can never all hold together, or an empty string.
std::string contradiction(const Conjunction& conjunction, const RuleSet& rules) {
  std::optional<PressureSet> pressures;
  std::map<NumericField, std::pair<double, double>> ranges; // lowest and highest value allowed
  for (const Condition* leaf : conjunction.required) {
    if (leaf->kind == Condition::Kind::pressure) {
      PressureSet both;
      for (Pressure pressure : {Pressure::low, Pressure::medium, Pressure::firm}) {
        if (leaf->pressures.contains(pressure) && (!pressures || pressures->contains(pressure))) {
          both.insert(pressure);
        }
      }
      if (both.empty()) {
        return "it asks for two pressures that never meet";
      }
      pressures = both;
    }
    if (leaf->kind == Condition::Kind::number) {
      auto [it, inserted] = ranges.try_emplace(leaf->field, -std::numeric_limits<double>::infinity(),
                                               std::numeric_limits<double>::infinity());
      auto& [low, high] = it->second;
      constexpr double k_step = 1e-9; // "above 20" is "at least 20 and a bit"
      switch (leaf->comparison) {
      case Comparison::at_least:
        low = std::max(low, leaf->threshold);
        break;
      case Comparison::above:
        low = std::max(low, leaf->threshold + k_step);
        break;
      case Comparison::at_most:
        high = std::min(high, leaf->threshold);
        break;
      case Comparison::below:
        high = std::min(high, leaf->threshold - k_step);
        break;
      case Comparison::equals:
        low = std::max(low, leaf->threshold);
        high = std::min(high, leaf->threshold);
        break;
      }
      if (low > high) {
        return fmt::format("no {} can satisfy all of its comparisons", to_string(leaf->field));
      }
    }
  }
  for (const Condition* absent : conjunction.forbidden) {
    for (const Condition* leaf : conjunction.required) {
      if (same_test(*absent, *leaf)) {
        return fmt::format("it asks for '{}' and for its absence", describe(*leaf, rules));
      }
    }
  }
  return {};
}

std::string effects_key(const Rule& rule) {
  std::string key;
  for (const Weight& weight : rule.weights) {
    key += fmt::format("s{}:{};", weight.technique, weight.value);
  }
  for (TechniqueId id : rule.excludes) {
    key += fmt::format("x{};", id);
  }
  for (const Caution& caution : rule.cautions) {
    key += fmt::format("c{}:{};", caution.technique, caution.text);
  }
  if (rule.referral) {
    key += fmt::format("r{}:{};", to_string(rule.referral->level), rule.referral->advice);
  }
  return key + "a" + rule.advice;
}

// Every leaf `narrow` needs, `wide` needs too (with the same polarity): compared as sets, since
// the order and repeats of an `all` do not change what it asks for.
bool needs_all_of(const Conjunction& narrow, const Conjunction& wide) {
  const auto within = [](const std::vector<const Condition*>& leaves, const std::vector<const Condition*>& among) {
    return std::all_of(leaves.begin(), leaves.end(), [&](const Condition* leaf) {
      return std::any_of(among.begin(), among.end(), [&](const Condition* other) { return same_test(*leaf, *other); });
    });
  };
  return within(wide.required, narrow.required) && within(wide.forbidden, narrow.forbidden);
}

bool flat(const Condition& condition) {
  if (condition.kind == Condition::Kind::any) {
    return false;
  }
  return std::all_of(condition.children.begin(), condition.children.end(), flat);
}

// The red flag whose phrase is exactly `text`, if one is: "chill" is the stem of "chills".
std::optional<ConceptId> red_flag_phrase(const Vocabulary& vocabulary, std::string_view text) {
  std::vector<std::optional<WordId>> words;
  for (const Token& token : tokenize(text)) {
    if (is_content(token)) {
      words.push_back(vocabulary.find(token.text));
    }
  }
  if (words.empty() || std::find(words.begin(), words.end(), std::nullopt) != words.end()) {
    return std::nullopt;
  }
  const auto found = vocabulary.longest_phrase(words);
  if (found && found->length == words.size() && vocabulary.is_red_flag(found->concept_id)) {
    return found->concept_id;
  }
  return std::nullopt;
}

// A figure of speech must need words of its own: a report-only pattern that can match with one
// element alone, whose words are also a red flag's phrase, takes the warning sign's words and
// hides it ("chill" as an idiom hides "a chill every evening").
void lint_idioms(const RuleSet& rules, std::vector<Diagnostic>& warnings) {
  const Vocabulary& vocabulary = rules.vocabulary();
  for (const Concept& entry : rules.concepts()) {
    if (!entry.report_only) {
      continue;
    }
    for (const Pattern& pattern : entry.patterns) {
      std::vector<const PatternElement*> required;
      for (const PatternElement& element : pattern.elements) {
        if (!element.optional && element.kind != PatternElement::Kind::gap) {
          required.push_back(&element);
        }
      }
      if (required.size() != 1) {
        continue;
      }
      std::vector<std::string> alone{required.front()->text};
      if (required.front()->kind == PatternElement::Kind::set) {
        const WordSet* set = rules.find_word_set(required.front()->text);
        alone = set != nullptr ? set->members : std::vector<std::string>{};
      }
      for (const std::string& member : alone) {
        const std::string_view words =
            !member.empty() && member.front() == '=' ? std::string_view(member).substr(1) : std::string_view(member);
        if (const auto red_flag = red_flag_phrase(vocabulary, words)) {
          warnings.push_back(
              {pattern.where, fmt::format("the figure of speech '{}' can match '{}' alone, which is also the red "
                                          "flag '{}': give it words of its own ('chilling on the sofa', 'chill "
                                          "out'), or it hides the warning sign",
                                          pattern.text, words, rules.concepts()[*red_flag].id)});
          break;
        }
      }
    }
  }
}

// A red flag that refers but that no question asks about is never asked in `ask`, never
// counted in the screening and never listed in the safety net: only the words can find it.
void lint_unasked_red_flags(const RuleSet& rules, std::vector<Diagnostic>& warnings) {
  std::set<ConceptId> asked;
  for (const Question& question : rules.questions()) {
    asked.insert(question.yes.begin(), question.yes.end());
  }
  std::set<ConceptId> warned;
  for (const Rule& rule : rules.rules()) {
    if (!rule.referral || rule.referral->level == ReferralLevel::routine) {
      continue;
    }
    for (ConceptId id : concepts_in(rule.when)) {
      const Concept& entry = rules.concepts()[id];
      if (entry.kind == ConceptKind::red_flag && !asked.contains(id) && warned.insert(id).second) {
        warnings.push_back(
            {rule.origin, fmt::format("rule '{}' refers on the red flag '{}', but no question asks about it: add "
                                      "one with 'yes: {{red-flag: {}}}', or `ask`, the screening and the safety net "
                                      "leave it out",
                                      rule.id, entry.id, entry.id)});
      }
    }
  }
}

} // namespace

std::vector<Diagnostic> lint_rules(const RuleSet& rules) {
  std::vector<Diagnostic> warnings;
  std::vector<Conjunction> conjunctions(rules.rules().size());
  for (std::size_t i = 0; i < rules.rules().size(); ++i) {
    const Rule& rule = rules.rules()[i];
    if (rule.source.empty()) {
      warnings.push_back(
          {rule.origin, fmt::format("rule '{}' has no source: say where its claim comes from", rule.id)});
    }
    flatten(rule.when, conjunctions[i]);
    if (auto why = contradiction(conjunctions[i], rules); !why.empty()) {
      warnings.push_back({rule.origin, fmt::format("rule '{}' can never fire: {}", rule.id, why)});
    }
  }
  // Same effects, and conditions that are the same or narrower than another's: the rule adds
  // nothing (only for conditions without `any`, where narrower is exact).
  for (std::size_t i = 0; i < rules.rules().size(); ++i) {
    const Rule& rule = rules.rules()[i];
    if (!flat(rule.when)) {
      continue;
    }
    for (std::size_t j = 0; j < rules.rules().size(); ++j) {
      const Rule& other = rules.rules()[j];
      if (i == j || !flat(other.when) || effects_key(rule) != effects_key(other)) {
        continue;
      }
      const bool narrower = needs_all_of(conjunctions[i], conjunctions[j]);
      const bool same = narrower && needs_all_of(conjunctions[j], conjunctions[i]);
      if (narrower && (!same || j < i)) {
        warnings.push_back(
            {rule.origin, fmt::format("rule '{}' {} rule '{}' ({}): it has the same effects", rule.id,
                                      same ? "duplicates" : "is subsumed by", other.id, to_string(other.origin))});
        break;
      }
    }
  }
  std::set<ConceptId> used;
  for (const Rule& rule : rules.rules()) {
    const auto concepts = concepts_in(rule.when, true);
    used.insert(concepts.begin(), concepts.end());
  }
  for (ConceptId id = 0; id < rules.concepts().size(); ++id) {
    const Concept& entry = rules.concepts()[id];
    if (!entry.phrases.empty() && !entry.report_only && !used.contains(id)) {
      warnings.push_back({entry.origin, fmt::format("concept '{}' has phrases but no rule uses it (say "
                                                    "'report_only: true' if that is meant)",
                                                    entry.id)});
    }
  }
  lint_idioms(rules, warnings);
  lint_unasked_red_flags(rules, warnings);
  // Contraindications are written against traits: a technique without any inherits none.
  if (!rules.traits().empty()) {
    for (const Technique& technique : rules.techniques()) {
      if (technique.traits.empty()) {
        warnings.push_back({technique.origin, fmt::format("technique '{}' has no traits, so no exclusion or caution "
                                                          "written against a trait reaches it: say how it is done, "
                                                          "e.g. 'traits: [{}]'",
                                                          technique.id, rules.traits().front().id)});
      }
    }
  }
  // Ties go to the gentlest technique (as the engine orders them), so every other one needs a
  // positive weight somewhere.
  const auto& techniques = rules.techniques();
  const auto gentlest =
      std::min_element(techniques.begin(), techniques.end(), [](const Technique& a, const Technique& b) {
        return std::pair(a.pressure_min, a.pressure_max) < std::pair(b.pressure_min, b.pressure_max);
      });
  for (std::size_t index = 0; index < techniques.size(); ++index) {
    const auto id = static_cast<TechniqueId>(index);
    if (techniques.begin() + static_cast<std::ptrdiff_t>(index) == gentlest) {
      continue;
    }
    const bool can_gain = std::any_of(rules.rules().begin(), rules.rules().end(), [id](const Rule& rule) {
      return std::any_of(rule.weights.begin(), rule.weights.end(),
                         [id](const Weight& weight) { return weight.technique == id && weight.value > 0; });
    });
    if (!can_gain) {
      const Technique& technique = rules.techniques()[id];
      warnings.push_back({technique.origin, fmt::format("technique '{}' can never rank first: no rule raises its "
                                                        "score",
                                                        technique.id)});
    }
  }
  std::stable_sort(warnings.begin(), warnings.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.where.file, a.where.line, a.where.column) < std::tie(b.where.file, b.where.line, b.where.column);
  });
  return warnings;
}

} // namespace backrelief
