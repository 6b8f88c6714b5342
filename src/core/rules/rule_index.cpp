#include "core/rules/rule_index.hpp"

#include <algorithm>
#include <array>
#include <bit>

namespace backrelief {

namespace {

constexpr std::array k_pressures{Pressure::low, Pressure::medium, Pressure::firm};

using Keys = std::vector<std::size_t>;

// The ways a condition can be filed: each is a set of index keys (concepts or pressures) of
// which the profile must have one for the condition to hold. None when it can hold without any
// particular fact (`not`, numbers, an empty `all`).
std::vector<Keys> filings(const Condition& condition, std::size_t concept_count) {
  switch (condition.kind) {
  case Condition::Kind::concept_:
    if (std::any_of(condition.concepts.begin(), condition.concepts.end(),
                    [&](ConceptId id) { return id >= concept_count; })) {
      return {}; // not a concept of this rule set: never filed away
    }
    return {Keys(condition.concepts.begin(), condition.concepts.end())};
  case Condition::Kind::pressure: {
    Keys keys;
    for (Pressure pressure : k_pressures) {
      if (condition.pressures.contains(pressure)) {
        keys.push_back(concept_count + static_cast<std::size_t>(pressure));
      }
    }
    return {keys};
  }
  case Condition::Kind::all: {
    // Every child must hold, so the filing of any one child will do.
    std::vector<Keys> all;
    for (const Condition& child : condition.children) {
      for (Keys& keys : filings(child, concept_count)) {
        all.push_back(std::move(keys));
      }
    }
    return all;
  }
  case Condition::Kind::any: {
    // One child must hold: the union of one filing of each, if every child has one.
    Keys keys;
    for (const Condition& child : condition.children) {
      const std::vector<Keys> child_filings = filings(child, concept_count);
      if (child_filings.empty()) {
        return {};
      }
      const Keys& smallest = *std::min_element(child_filings.begin(), child_filings.end(),
                                               [](const Keys& a, const Keys& b) { return a.size() < b.size(); });
      keys.insert(keys.end(), smallest.begin(), smallest.end());
    }
    return {keys}; // an empty `any` never holds, and is filed under nothing
  }
  case Condition::Kind::negation:
  case Condition::Kind::number:
    return {};
  }
  return {};
}

} // namespace

RuleIndex::RuleIndex(const std::vector<Rule>& rules, std::size_t concept_count)
    : m_rule_count(rules.size()), m_concept_count(concept_count), m_by_key(concept_count + k_pressures.size()) {
  std::vector<std::vector<Keys>> options;
  options.reserve(rules.size());
  // How many rules could be filed under each key: a fact that many rules ask for (an area)
  // says little about which of them fire, a rarer one (a condition) says much more.
  std::vector<std::size_t> demand(m_by_key.size(), 0);
  for (const Rule& rule : rules) {
    options.push_back(filings(rule.when, concept_count));
    for (Keys& keys : options.back()) {
      std::sort(keys.begin(), keys.end());
      keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
      for (std::size_t key : keys) {
        ++demand[key];
      }
    }
  }
  const auto cost = [&](const Keys& keys) {
    std::size_t total = 0;
    for (std::size_t key : keys) {
      total += demand[key];
    }
    return total;
  };
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const auto position = static_cast<std::uint32_t>(i);
    if (options[i].empty()) {
      m_unconditional.push_back(position);
      continue;
    }
    const Keys& chosen = *std::min_element(options[i].begin(), options[i].end(),
                                           [&](const Keys& a, const Keys& b) { return cost(a) < cost(b); });
    for (std::size_t key : chosen) {
      m_by_key[key].push_back(position);
    }
  }
}

void RuleIndex::candidates(const FactSet& facts, std::optional<Pressure> pressure,
                           std::vector<std::uint32_t>& out) const {
  // One bit per rule, then read back in order: the rules of several facts merge in rule order
  // without sorting, and a rule filed under two facts the profile has counts once.
  constexpr std::size_t k_bits = 64;
  // Kept between calls, so a batch does not allocate it for every profile.
  thread_local std::vector<std::uint64_t> marked;
  marked.assign((m_rule_count + k_bits - 1) / k_bits, 0);
  const auto mark = [&](const std::vector<std::uint32_t>& positions) {
    for (std::uint32_t position : positions) {
      marked[position / k_bits] |= std::uint64_t{1} << (position % k_bits);
    }
  };
  mark(m_unconditional);
  facts.for_each([&](ConceptId id) {
    if (id < m_concept_count) {
      mark(m_by_key[id]);
    }
  });
  if (pressure) {
    mark(m_by_key[m_concept_count + static_cast<std::size_t>(*pressure)]);
  }
  out.clear();
  for (std::size_t word = 0; word < marked.size(); ++word) {
    for (std::uint64_t bits = marked[word]; bits != 0; bits &= bits - 1) {
      out.push_back(static_cast<std::uint32_t>(word * k_bits + static_cast<std::size_t>(std::countr_zero(bits))));
    }
  }
}

} // namespace backrelief
