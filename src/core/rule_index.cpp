#include "backrelief/rule_index.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <optional>

namespace backrelief {

namespace {

constexpr std::array k_pressures{Pressure::low, Pressure::medium, Pressure::firm};

// The index keys of the facts a condition cannot hold without (it holds only if the profile has
// one of them), or nothing when it can hold without any particular fact.
std::optional<std::vector<std::size_t>> needed_keys(const Condition& condition, std::size_t concept_count) {
  switch (condition.kind) {
  case Condition::Kind::concept_:
    if (std::any_of(condition.concepts.begin(), condition.concepts.end(),
                    [&](ConceptId id) { return id >= concept_count; })) {
      return std::nullopt; // not a concept of this rule set: never filed away
    }
    return std::vector<std::size_t>(condition.concepts.begin(), condition.concepts.end());
  case Condition::Kind::pressure: {
    std::vector<std::size_t> keys;
    for (Pressure pressure : k_pressures) {
      if (condition.pressures.contains(pressure)) {
        keys.push_back(concept_count + static_cast<std::size_t>(pressure));
      }
    }
    return keys;
  }
  case Condition::Kind::all: {
    // Any child will do; the one with the fewest keys makes the rule a candidate least often.
    std::optional<std::vector<std::size_t>> best;
    for (const Condition& child : condition.children) {
      auto keys = needed_keys(child, concept_count);
      if (keys && (!best || keys->size() < best->size())) {
        best = std::move(keys);
      }
    }
    return best;
  }
  case Condition::Kind::any: {
    // Every child must need something, or the `any` can hold without any of it.
    std::vector<std::size_t> keys;
    for (const Condition& child : condition.children) {
      auto child_keys = needed_keys(child, concept_count);
      if (!child_keys) {
        return std::nullopt;
      }
      keys.insert(keys.end(), child_keys->begin(), child_keys->end());
    }
    return keys; // an empty `any` never holds, and is filed under nothing
  }
  case Condition::Kind::negation:
  case Condition::Kind::number:
    return std::nullopt;
  }
  return std::nullopt;
}

} // namespace

RuleIndex::RuleIndex(const std::vector<Rule>& rules, std::size_t concept_count)
    : m_rule_count(rules.size()), m_concept_count(concept_count), m_by_key(concept_count + k_pressures.size()) {
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const auto position = static_cast<std::uint32_t>(i);
    auto keys = needed_keys(rules[i].when, concept_count);
    if (!keys) {
      m_unconditional.push_back(position);
      continue;
    }
    std::sort(keys->begin(), keys->end());
    keys->erase(std::unique(keys->begin(), keys->end()), keys->end());
    for (std::size_t key : *keys) {
      m_by_key[key].push_back(position);
    }
  }
}

void RuleIndex::candidates(const Profile& profile, std::vector<std::uint32_t>& out) const {
  // One bit per rule, then read back in order: the rules of several facts merge in rule order
  // without sorting, and a rule filed under two facts the profile has counts once.
  constexpr std::size_t k_bits = 64;
  std::vector<std::uint64_t> marked((m_rule_count + k_bits - 1) / k_bits, 0);
  const auto mark = [&](const std::vector<std::uint32_t>& positions) {
    for (std::uint32_t position : positions) {
      marked[position / k_bits] |= std::uint64_t{1} << (position % k_bits);
    }
  };
  mark(m_unconditional);
  profile.facts.for_each([&](ConceptId id) {
    if (id < m_concept_count) {
      mark(m_by_key[id]);
    }
  });
  if (profile.pressure) {
    mark(m_by_key[m_concept_count + static_cast<std::size_t>(*profile.pressure)]);
  }
  out.clear();
  for (std::size_t word = 0; word < marked.size(); ++word) {
    for (std::uint64_t bits = marked[word]; bits != 0; bits &= bits - 1) {
      out.push_back(static_cast<std::uint32_t>(word * k_bits + static_cast<std::size_t>(std::countr_zero(bits))));
    }
  }
}

} // namespace backrelief
