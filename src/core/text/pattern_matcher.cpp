#include "core/text/pattern_matcher.hpp"

#include <algorithm>

namespace backrelief {

namespace {

/// A set found at a position, `length` words long.
struct SetHit {
  std::uint32_t set = 0;
  std::uint32_t length = 0;
};

/// One text being searched: its clauses and the sets found at each position.
class Search {
public:
  Search(std::span<const std::uint32_t> clause, const std::vector<std::vector<SetHit>>& hits)
      : m_clause(clause), m_hits(hits) {}

  [[nodiscard]] std::size_t size() const { return m_clause.size(); }

  // Tries the pattern with its first element at `at`; fills `taken` on success.
  bool match(const CompiledPatterns::Rule& rule, std::uint32_t at, const SetHit& first,
             std::vector<std::uint32_t>& taken) {
    taken.clear();
    add(taken, at, first.length);
    const bool found = rule.near ? near(rule, 1, at, taken) : sequence(rule, 1, at + first.length, taken);
    if (!found) {
      return false;
    }
    std::sort(taken.begin(), taken.end());
    return constraints_hold(rule, taken);
  }

private:
  static void add(std::vector<std::uint32_t>& taken, std::uint32_t at, std::uint32_t length) {
    for (std::uint32_t k = 0; k < length; ++k) {
      taken.push_back(at + k);
    }
  }

  [[nodiscard]] bool same_clause(std::uint32_t a, std::uint32_t b) const {
    return a < size() && b < size() && m_clause[a] == m_clause[b];
  }

  // The lengths, longest first, of `set` at `at`.
  template <typename Visit> bool each_length(std::uint32_t set, std::uint32_t at, Visit visit) const {
    if (at >= size()) {
      return false;
    }
    for (const SetHit& hit : m_hits[at]) {
      if (hit.set == set && visit(hit.length)) {
        return true;
      }
    }
    return false;
  }

  // Elements in order from step k, the next one at `at`; a gap skips up to its words, fewest first.
  bool sequence(const CompiledPatterns::Rule& rule, std::size_t k, std::uint32_t at, std::vector<std::uint32_t>& taken) {
    if (k == rule.steps.size()) {
      return true;
    }
    const std::uint32_t anchor = taken.front();
    const CompiledPatterns::Step& step = rule.steps[k];
    if (step.gap) {
      for (std::uint32_t skip = 0; skip <= step.max_gap; ++skip) {
        if (!same_clause(anchor, at + skip)) {
          return false;
        }
        if (sequence(rule, k + 1, at + skip, taken)) {
          return true;
        }
      }
      return false;
    }
    if (same_clause(anchor, at) && each_length(step.set, at, [&](std::uint32_t length) {
          const std::size_t before = taken.size();
          add(taken, at, length);
          if (sequence(rule, k + 1, at + length, taken)) {
            return true;
          }
          taken.resize(before);
          return false;
        })) {
      return true;
    }
    return step.optional && sequence(rule, k + 1, at, taken);
  }

  [[nodiscard]] static bool overlaps(const std::vector<std::uint32_t>& taken, std::uint32_t at, std::uint32_t length) {
    return std::any_of(taken.begin(), taken.end(), [&](std::uint32_t p) { return p >= at && p < at + length; });
  }

  // The other elements of a `near`, in any order around the first, with at most `within` other
  // words among all of them.
  bool near(const CompiledPatterns::Rule& rule, std::size_t k, std::uint32_t anchor, std::vector<std::uint32_t>& taken) {
    if (k == rule.steps.size()) {
      const auto [low, high] = std::minmax_element(taken.begin(), taken.end());
      return *high - *low + 1 - taken.size() <= rule.within;
    }
    const std::uint32_t reach = rule.within + 8;
    const std::uint32_t from = anchor > reach ? anchor - reach : 0;
    const std::uint32_t to = std::min<std::uint32_t>(static_cast<std::uint32_t>(size()), anchor + reach + 1);
    for (std::uint32_t at = from; at < to; ++at) {
      if (!same_clause(anchor, at)) {
        continue;
      }
      if (each_length(rule.steps[k].set, at, [&](std::uint32_t length) {
            if (overlaps(taken, at, length)) {
              return false;
            }
            const std::size_t before = taken.size();
            add(taken, at, length);
            if (near(rule, k + 1, anchor, taken)) {
              return true;
            }
            taken.resize(before);
            return false;
          })) {
        return true;
      }
    }
    return false;
  }

  // Whether one of `sets` is within `reach` words of the hit (0: anywhere in its clause), outside it.
  [[nodiscard]] bool any_close(const std::vector<std::uint32_t>& sets, std::uint32_t reach,
                               const std::vector<std::uint32_t>& taken) const {
    const std::uint32_t first = taken.front();
    const std::uint32_t last = taken.back();
    const std::uint32_t from = reach == 0 ? 0 : (first > reach ? first - reach : 0);
    const std::uint32_t to = reach == 0 ? static_cast<std::uint32_t>(size())
                                        : std::min<std::uint32_t>(static_cast<std::uint32_t>(size()), last + reach + 1);
    for (std::uint32_t at = from; at < to; ++at) {
      if (!same_clause(first, at) || std::binary_search(taken.begin(), taken.end(), at)) {
        continue;
      }
      for (const SetHit& hit : m_hits[at]) {
        if (std::find(sets.begin(), sets.end(), hit.set) != sets.end()) {
          return true;
        }
      }
    }
    return false;
  }

  [[nodiscard]] bool constraints_hold(const CompiledPatterns::Rule& rule, const std::vector<std::uint32_t>& taken) const {
    if (!rule.only_near.empty() && !any_close(rule.only_near, rule.reach, taken)) {
      return false;
    }
    return rule.not_near.empty() || !any_close(rule.not_near, rule.reach, taken);
  }

  std::span<const std::uint32_t> m_clause;
  const std::vector<std::vector<SetHit>>& m_hits;
};

} // namespace

PatternMatcher::PatternMatcher(const CompiledPatterns& patterns) {
  for (std::uint32_t set = 0; set < patterns.sets.size(); ++set) {
    const auto& members = patterns.sets[set];
    for (std::uint32_t member = 0; member < members.size(); ++member) {
      if (!members[member].empty()) {
        m_by_first_word[members[member].front()].push_back({set, member});
      }
    }
  }
  for (std::uint32_t index = 0; index < patterns.patterns.size(); ++index) {
    const auto& steps = patterns.patterns[index].steps;
    if (!steps.empty() && !steps.front().gap) {
      m_by_anchor[steps.front().set].push_back(index);
    }
  }
}

std::vector<PatternHit> PatternMatcher::find(const CompiledPatterns& patterns,
                                             std::span<const std::optional<WordId>> words,
                                             std::span<const std::optional<WordId>> exact,
                                             std::span<const std::uint32_t> sentence,
                                             const std::vector<bool>& red_flags) const {
  std::vector<PatternHit> found;
  if (m_by_anchor.empty() || words.empty()) {
    return found;
  }
  // Clauses: a new sentence, or a clause-break word, starts one; the break word is in neither.
  std::vector<std::uint32_t> clause(words.size());
  std::uint32_t current = 0;
  for (std::size_t at = 0; at < words.size(); ++at) {
    if (at > 0 && sentence[at] != sentence[at - 1]) {
      ++current;
    }
    bool breaks = false;
    if (patterns.clause_breaks && words[at]) {
      for (const auto& member : patterns.sets[*patterns.clause_breaks]) {
        breaks = breaks || (member.size() == 1 && member.front() == *words[at]);
      }
    }
    if (breaks) {
      clause[at] = ++current;
      ++current;
    } else {
      clause[at] = current;
    }
  }
  std::vector<std::vector<SetHit>> hits(words.size());
  bool any = false;
  const auto is = [&](std::size_t at, WordId word) {
    return (words[at] && *words[at] == word) || (at < exact.size() && exact[at] && *exact[at] == word);
  };
  for (std::size_t at = 0; at < words.size(); ++at) {
    for (const auto& form : {words[at], at < exact.size() ? exact[at] : std::nullopt}) {
      if (!form) {
        continue;
      }
      const auto candidates = m_by_first_word.find(*form);
      if (candidates == m_by_first_word.end()) {
        continue;
      }
      for (const Member& candidate : candidates->second) {
        const auto& member = patterns.sets[candidate.set][candidate.member];
        bool same = at + member.size() <= words.size();
        for (std::size_t k = 1; same && k < member.size(); ++k) {
          same = is(at + k, member[k]) && clause[at + k] == clause[at];
        }
        if (same) {
          auto& here = hits[at];
          auto existing =
              std::find_if(here.begin(), here.end(), [&](const SetHit& hit) { return hit.set == candidate.set; });
          if (existing == here.end()) {
            here.push_back({candidate.set, static_cast<std::uint32_t>(member.size())});
          } else {
            existing->length = std::max(existing->length, static_cast<std::uint32_t>(member.size()));
          }
          any = true;
        }
      }
    }
  }
  if (!any) {
    return found;
  }
  for (auto& here : hits) {
    std::sort(here.begin(), here.end(), [](const SetHit& a, const SetHit& b) { return a.length > b.length; });
  }
  Search search(clause, hits);
  std::vector<std::uint32_t> taken;
  for (std::uint32_t at = 0; at < words.size(); ++at) {
    for (const SetHit& hit : hits[at]) {
      const auto anchored = m_by_anchor.find(hit.set);
      if (anchored == m_by_anchor.end()) {
        continue;
      }
      for (const std::uint32_t index : anchored->second) {
        if (search.match(patterns.patterns[index], at, hit, taken)) {
          found.push_back({index, taken});
        }
      }
    }
  }
  // Where hits share a word: a figure of speech (a report-only concept) wins, for it is there to
  // hold those words; then a red flag (when in doubt, keep it); then the hit with the most words;
  // then the earlier one.
  const auto rank = [&](const PatternHit& hit) {
    const CompiledPatterns::Rule& rule = patterns.patterns[hit.pattern];
    if (rule.absorbs) {
      return 2;
    }
    return rule.concept_id < red_flags.size() && red_flags[rule.concept_id] ? 1 : 0;
  };
  std::stable_sort(found.begin(), found.end(), [&](const PatternHit& a, const PatternHit& b) {
    if (rank(a) != rank(b)) {
      return rank(a) > rank(b);
    }
    if (a.positions.size() != b.positions.size()) {
      return a.positions.size() > b.positions.size();
    }
    return a.positions.front() < b.positions.front();
  });
  std::vector<bool> used(words.size(), false);
  std::vector<PatternHit> kept;
  for (PatternHit& hit : found) {
    if (std::none_of(hit.positions.begin(), hit.positions.end(), [&](std::uint32_t p) { return used[p]; })) {
      for (const std::uint32_t p : hit.positions) {
        used[p] = true;
      }
      kept.push_back(std::move(hit));
    }
  }
  std::sort(kept.begin(), kept.end(),
            [](const PatternHit& a, const PatternHit& b) { return a.positions.front() < b.positions.front(); });
  return kept;
}

} // namespace backrelief
