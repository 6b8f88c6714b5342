#include "core/text/pattern_matcher.hpp"

#include <algorithm>

namespace backrelief {

namespace {

/// A set found at a position, `length` words long.
struct SetHit {
  std::uint32_t set = 0;
  std::uint32_t length = 0;
};

/// How many steps (a word looked at, an element placed, a gap's length tried) a pattern may take
/// from one starting word. Elements whose sets share words can be placed in many ways; past this
/// many steps the search gives up there, so a description is read in time proportional to its
/// length whatever the rules say. The shipped patterns need fewer than 24 on every description
/// of the test suite (checked by building with 24: no test of theirs changed).
constexpr std::uint32_t k_pattern_steps = 256;

/// One text being searched: its clauses, the sets found at each position and the words that may
/// satisfy an `only-near` or `not-near`.
class Search {
public:
  struct Text {
    std::span<const std::uint32_t> clause;
    std::span<const SetHit> hits;
    std::span<const std::uint32_t> start;
    const std::vector<bool>& constraint_set;           ///< by set: named by a constraint
    ConstraintWords& companions;                       ///< room for them, filled on first use
    const PatternMatcher::NegatedWords& negated_words; ///< may be empty
  };

  Search(const Text& text, std::vector<std::uint32_t>& failed, std::uint32_t& generation)
      : m_text(text), m_failed(failed), m_generation(generation) {}

  // The sets found at a position, longest first.
  [[nodiscard]] std::span<const SetHit> at(std::uint32_t position) const {
    return m_text.hits.subspan(m_text.start[position], m_text.start[position + 1] - m_text.start[position]);
  }

  [[nodiscard]] std::size_t size() const { return m_text.clause.size(); }

  // Tries the pattern with its first element at `at`; fills `taken` on success. `span` bounds
  // how far past `at` the pattern can reach.
  bool match(const CompiledPatterns::Rule& rule, std::uint32_t span, std::uint32_t at, const SetHit& first,
             std::vector<std::uint32_t>& taken) {
    taken.clear();
    add(taken, at, first.length);
    bool found = false;
    m_steps = k_pattern_steps;
    if (rule.near) {
      found = near(rule, 1, at, taken);
    } else {
      // A sequence's success from step k at a position does not depend on how it got there: a
      // failure is remembered, so every (step, position) is tried at most once.
      m_span = span == 0 ? 0 : span + 1;
      const std::size_t needed = rule.steps.size() * m_span;
      if (needed != 0 && (m_failed.size() < needed || ++m_generation == 0)) {
        // A failure is marked with the number of this search, so nothing is cleared between
        // searches; all is cleared only when the room grows or the numbers wrap around.
        m_failed.assign(std::max(needed, m_failed.size()), 0);
        m_generation = 1;
      }
      found = sequence(rule, 1, at + first.length, taken);
    }
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
    return a < size() && b < size() && m_text.clause[a] == m_text.clause[b];
  }

  // The lengths, longest first, of `set` at `at`.
  template <typename Visit>
  bool each_length(std::uint32_t set, std::uint32_t at, Visit visit) const {
    if (at >= size()) {
      return false;
    }
    for (const SetHit& hit : this->at(at)) {
      if (hit.set == set && visit(hit.length)) {
        return true;
      }
    }
    return false;
  }

  // Elements in order from step k, the next one at `at`; a gap skips up to its words, fewest first.
  bool sequence(const CompiledPatterns::Rule& rule, std::size_t k, std::uint32_t at,
                std::vector<std::uint32_t>& taken) {
    if (k == rule.steps.size()) {
      return true;
    }
    const std::uint32_t anchor = taken.front();
    const std::size_t offset = at - anchor;
    if (m_span != 0 && offset >= m_span) {
      return false;
    }
    if (m_steps == 0) {
      return false;
    }
    --m_steps;
    if (m_span == 0) {
      return sequence_from(rule, k, at, taken); // no gap and nothing optional: one way through
    }
    std::uint32_t& failed = m_failed[k * m_span + offset];
    if (failed == m_generation) {
      return false;
    }
    if (sequence_from(rule, k, at, taken)) {
      return true;
    }
    failed = m_generation;
    return false;
  }

  bool sequence_from(const CompiledPatterns::Rule& rule, std::size_t k, std::uint32_t at,
                     std::vector<std::uint32_t>& taken) {
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
  bool near(const CompiledPatterns::Rule& rule, std::size_t k, std::uint32_t anchor,
            std::vector<std::uint32_t>& taken) {
    if (k == rule.steps.size()) {
      const auto [low, high] = std::minmax_element(taken.begin(), taken.end());
      return *high - *low + 1 - taken.size() <= rule.within;
    }
    // The elements lie within `within` other words of the anchor, plus their own words.
    const std::uint32_t reach = rule.within + 4U * static_cast<std::uint32_t>(rule.steps.size());
    // Nearest first, so the closest words make the hit: in "my bum has gone numb and I keep
    // dribbling wee" the bladder's trouble is "dribbling", and "numb" stays the saddle's.
    for (std::uint32_t distance = 0; distance <= reach; ++distance) {
      for (const bool after : {true, false}) {
        if (distance == 0 && !after) {
          continue;
        }
        if (!after && anchor < distance) {
          continue;
        }
        if (m_steps == 0) {
          return false;
        }
        --m_steps;
        const std::uint32_t at = after ? anchor + distance : anchor - distance;
        if (!same_clause(anchor, at)) {
          continue;
        }
        if (each_length(rule.steps[k].set, at, [&](std::uint32_t length) {
              if (m_steps == 0 || overlaps(taken, at, length)) {
                return false;
              }
              --m_steps;
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
    }
    return false;
  }

  // Whether a word of one of `sets` is within `reach` words of the hit (0: anywhere in its
  // clause), outside it. Each set's words are kept sorted, so this is a few binary searches
  // however long the clause.
  [[nodiscard]] bool any_close(const std::vector<std::uint32_t>& sets, std::uint32_t reach,
                               const std::vector<std::uint32_t>& taken) {
    const ConstraintWords& companions = this->companions();
    const std::uint32_t first = taken.front();
    const std::uint32_t last = taken.back();
    std::uint32_t from = companions.clause_begin[first];
    std::uint32_t to = companions.clause_end[first];
    if (reach != 0) {
      from = std::max(from, first > reach ? first - reach : 0U);
      to = std::min(to, last + reach + 1);
    }
    for (const std::uint32_t set : sets) {
      if (set + 1 >= companions.start.size()) {
        continue;
      }
      const auto begin = companions.positions.begin() + companions.start[set];
      const auto end = companions.positions.begin() + companions.start[set + 1];
      for (auto it = std::lower_bound(begin, end, from); it != end && *it < to; ++it) {
        if (!std::binary_search(taken.begin(), taken.end(), *it) &&
            !(m_text.negated_words && m_text.negated_words(*it))) {
          return true;
        }
      }
    }
    return false;
  }

  // What `only-near` and `not-near` need (where each clause begins and ends, and the words of the
  // sets they name, by set and in order), found when a hit first asks: most texts never do.
  // Whether such a word is negated is asked only of one found close to a hit.
  const ConstraintWords& companions() {
    if (m_companions_ready) {
      return m_text.companions;
    }
    m_companions_ready = true;
    ConstraintWords& out = m_text.companions;
    const auto n = static_cast<std::uint32_t>(size());
    out.clause_begin.assign(n, 0);
    out.clause_end.assign(n, n);
    for (std::uint32_t at = 1; at < n; ++at) {
      out.clause_begin[at] = m_text.clause[at] == m_text.clause[at - 1] ? out.clause_begin[at - 1] : at;
    }
    for (std::uint32_t at = n - 1; at-- > 0;) {
      out.clause_end[at] = m_text.clause[at] == m_text.clause[at + 1] ? out.clause_end[at + 1] : at + 1;
    }
    const auto constrains = [&](const SetHit& hit) { return m_text.constraint_set[hit.set]; };
    out.start.assign(m_text.constraint_set.size() + 1, 0);
    for (std::uint32_t at = 0; at < n; ++at) {
      for (const SetHit& hit : this->at(at)) {
        out.start[hit.set + 1] += constrains(hit) ? 1U : 0U;
      }
    }
    for (std::size_t set = 1; set < out.start.size(); ++set) {
      out.start[set] += out.start[set - 1];
    }
    out.positions.assign(out.start.back(), 0);
    std::vector<std::uint32_t> next(out.start.begin(), out.start.end() - 1);
    for (std::uint32_t at = 0; at < n; ++at) {
      for (const SetHit& hit : this->at(at)) {
        if (constrains(hit)) {
          out.positions[next[hit.set]++] = at;
        }
      }
    }
    return out;
  }

  [[nodiscard]] bool constraints_hold(const CompiledPatterns::Rule& rule, const std::vector<std::uint32_t>& taken) {
    if (!rule.only_near.empty() && !any_close(rule.only_near, rule.reach, taken)) {
      return false;
    }
    return rule.not_near.empty() || !any_close(rule.not_near, rule.reach, taken);
  }

  const Text& m_text;
  bool m_companions_ready = false;
  std::vector<std::uint32_t>& m_failed;
  std::uint32_t& m_generation;
  std::uint32_t m_span = 0;
  std::uint32_t m_steps = 0;
};

} // namespace

PatternMatcher::PatternMatcher(const CompiledPatterns& patterns) {
  WordId largest = 0;
  std::size_t members = 0;
  for (const auto& set : patterns.sets) {
    for (const auto& member : set) {
      for (const WordId word : member) {
        largest = std::max(largest, word);
      }
      members += member.empty() ? 0U : 1U;
    }
  }
  // Counting sort of the members by their first word.
  m_first_word_start.assign(static_cast<std::size_t>(largest) + 2, 0);
  for (const auto& set : patterns.sets) {
    for (const auto& member : set) {
      if (!member.empty()) {
        ++m_first_word_start[member.front() + 1];
      }
    }
  }
  for (std::size_t i = 1; i < m_first_word_start.size(); ++i) {
    m_first_word_start[i] += m_first_word_start[i - 1];
  }
  m_members.resize(members);
  std::vector<std::uint32_t> next(m_first_word_start.begin(), m_first_word_start.end() - 1);
  for (std::uint32_t set = 0; set < patterns.sets.size(); ++set) {
    for (const auto& words : patterns.sets[set]) {
      if (!words.empty()) {
        m_members[next[words.front()]++] = {set, static_cast<std::uint32_t>(words.size()),
                                            static_cast<std::uint32_t>(m_member_words.size())};
        m_member_words.insert(m_member_words.end(), words.begin(), words.end());
      }
    }
  }
  m_anchor_start.assign(patterns.sets.size() + 1, 0);
  for (const auto& rule : patterns.patterns) {
    if (!rule.steps.empty() && !rule.steps.front().gap && rule.steps.front().set < patterns.sets.size()) {
      ++m_anchor_start[rule.steps.front().set + 1];
    }
  }
  for (std::size_t i = 1; i < m_anchor_start.size(); ++i) {
    m_anchor_start[i] += m_anchor_start[i - 1];
  }
  m_anchored.resize(m_anchor_start.back());
  std::vector<std::uint32_t> slot(m_anchor_start.begin(), m_anchor_start.end() - 1);
  for (std::uint32_t index = 0; index < patterns.patterns.size(); ++index) {
    const auto& steps = patterns.patterns[index].steps;
    if (!steps.empty() && !steps.front().gap && steps.front().set < patterns.sets.size()) {
      m_anchored[slot[steps.front().set]++] = index;
    }
  }
  // The sets each pattern needs: its elements that are neither gaps nor optional. A text that
  // lacks one of them is not searched for the pattern at all, which is most patterns for most texts.
  m_required_start.push_back(0);
  for (const auto& rule : patterns.patterns) {
    for (const auto& step : rule.steps) {
      if (!step.gap && !step.optional) {
        m_required.push_back(step.set);
      }
    }
    m_required_start.push_back(static_cast<std::uint32_t>(m_required.size()));
  }
  // How far past its first word each pattern can reach, and which sets a constraint names.
  m_constraint_set.assign(patterns.sets.size(), false);
  for (const auto& rule : patterns.patterns) {
    std::uint32_t span = 0;
    for (const auto& step : rule.steps) {
      if (step.gap) {
        span += step.max_gap;
        continue;
      }
      std::size_t longest = 0;
      if (step.set < patterns.sets.size()) {
        for (const auto& member : patterns.sets[step.set]) {
          longest = std::max(longest, member.size());
        }
      }
      span += static_cast<std::uint32_t>(longest);
    }
    // Only gaps and optional elements give a sequence more than one way through; without them
    // it needs no memory of where it failed (a span of 0 says so).
    const bool branches = std::any_of(rule.steps.begin(), rule.steps.end(),
                                      [](const CompiledPatterns::Step& step) { return step.gap || step.optional; });
    m_rule_span.push_back(branches && !rule.near ? span : 0);
    for (const auto* sets : {&rule.only_near, &rule.not_near}) {
      for (const std::uint32_t set : *sets) {
        if (set < m_constraint_set.size()) {
          m_constraint_set[set] = true;
        }
      }
    }
  }
  m_clause_break.assign(static_cast<std::size_t>(largest) + 1, false);
  if (patterns.clause_breaks && *patterns.clause_breaks < patterns.sets.size()) {
    for (const auto& member : patterns.sets[*patterns.clause_breaks]) {
      if (member.size() == 1) {
        m_clause_break[member.front()] = true;
      }
    }
  }
  for (const WordId word : patterns.with_exact_forms) {
    if (m_has_exact.size() <= word) {
      m_has_exact.resize(static_cast<std::size_t>(word) + 1, false);
    }
    m_has_exact[word] = true;
  }
}

std::vector<PatternHit>
PatternMatcher::find(const CompiledPatterns& patterns, std::span<const std::optional<WordId>> words,
                     std::span<const std::optional<WordId>> exact, std::span<const std::uint32_t> sentence,
                     const std::vector<bool>& red_flags, const NegatedWords& negated_words) const {
  std::vector<PatternHit> found;
  if (m_anchored.empty() || words.empty()) {
    return found;
  }
  const auto members_of = [&](const std::optional<WordId>& form) -> std::span<const Member> {
    if (!form || *form + 1 >= m_first_word_start.size()) {
      return {};
    }
    return std::span(m_members).subspan(m_first_word_start[*form],
                                        m_first_word_start[*form + 1] - m_first_word_start[*form]);
  };
  const auto exact_at = [&](std::size_t at) { return at < exact.size() ? exact[at] : std::nullopt; };
  thread_local Scratch scratch;
  // Most texts hold no member of any set: then there is nothing to search.
  bool any = false;
  for (std::size_t at = 0; at < words.size() && !any; ++at) {
    any = !members_of(words[at]).empty() || !members_of(exact_at(at)).empty();
  }
  if (!any) {
    return found;
  }
  // Clauses: a new sentence, or a clause-break word, starts one; the break word is in neither.
  std::vector<std::uint32_t>& clause = scratch.clause;
  clause.assign(words.size(), 0);
  std::uint32_t current = 0;
  for (std::size_t at = 0; at < words.size(); ++at) {
    if (at > 0 && sentence[at] != sentence[at - 1]) {
      ++current;
    }
    if (words[at] && *words[at] < m_clause_break.size() && m_clause_break[*words[at]]) {
      clause[at] = ++current;
      ++current;
    } else {
      clause[at] = current;
    }
  }
  const auto is = [&](std::size_t at, WordId word) {
    return (words[at] && *words[at] == word) || (exact_at(at) && *exact_at(at) == word);
  };
  std::vector<SetHit> hits;
  hits.reserve(words.size());
  std::vector<std::uint32_t>& start = scratch.start;
  start.assign(words.size() + 1, 0);
  for (std::size_t at = 0; at < words.size(); ++at) {
    const auto first = static_cast<std::uint32_t>(hits.size());
    start[at] = first;
    for (const auto& form : {words[at], exact_at(at)}) {
      for (const Member& candidate : members_of(form)) {
        const std::uint32_t length = candidate.length;
        bool same = at + length <= words.size();
        for (std::uint32_t k = 1; same && k < length; ++k) {
          same = is(at + k, m_member_words[candidate.words + k]) && clause[at + k] == clause[at];
        }
        if (!same) {
          continue;
        }
        auto existing =
            std::find_if(hits.begin() + first, hits.end(), [&](const SetHit& hit) { return hit.set == candidate.set; });
        if (existing == hits.end()) {
          hits.push_back({candidate.set, length});
        } else {
          existing->length = std::max(existing->length, length);
        }
      }
    }
    std::sort(hits.begin() + first, hits.end(), [](const SetHit& a, const SetHit& b) { return a.length > b.length; });
  }
  start[words.size()] = static_cast<std::uint32_t>(hits.size());
  std::vector<char>& present = scratch.present;
  present.assign(patterns.sets.size(), 0);
  for (const SetHit& hit : hits) {
    present[hit.set] = 1;
  }
  const auto possible = [&](std::uint32_t index) {
    for (std::uint32_t k = m_required_start[index]; k < m_required_start[index + 1]; ++k) {
      if (present[m_required[k]] == 0) {
        return false;
      }
    }
    return true;
  };
  const Search::Text text{clause, hits, start, m_constraint_set, scratch.companions, negated_words};
  Search search(text, scratch.failed, scratch.generation);
  std::vector<std::uint32_t>& taken = scratch.taken;
  for (std::uint32_t at = 0; at < words.size(); ++at) {
    for (const SetHit& hit : search.at(at)) {
      if (hit.set + 1 >= m_anchor_start.size()) {
        continue;
      }
      for (std::uint32_t k = m_anchor_start[hit.set]; k < m_anchor_start[hit.set + 1]; ++k) {
        const std::uint32_t index = m_anchored[k];
        if (possible(index) && search.match(patterns.patterns[index], m_rule_span[index], at, hit, taken)) {
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
    if (patterns.patterns[hit.pattern].hint) {
      kept.push_back(std::move(hit)); // a hint only looks on: it shares words and takes none
      continue;
    }
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
