#include "core/text/vocabulary.hpp"

#include "core/text/stemmer.hpp"
#include "core/text/tokenizer.hpp"
#include "core/util/edit_distance.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <fmt/format.h>

namespace backrelief {

namespace {
constexpr std::size_t k_min_fuzzy_length = 5;
constexpr std::size_t k_two_typo_length = 8;

// The concept a link such as "past: clotting-disorder" names, which must be one the rule files
// define.
std::optional<ConceptId> linked_concept(const std::vector<Concept>& concepts, const ConceptLink& link,
                                        std::string_view key, std::vector<Diagnostic>& diagnostics) {
  if (link.id.empty()) {
    return std::nullopt;
  }
  std::vector<std::string> ids;
  for (std::size_t other = 0; other < concepts.size(); ++other) {
    if (concepts[other].id == link.id) {
      return static_cast<ConceptId>(other);
    }
    ids.push_back(concepts[other].id);
  }
  Diagnostic unknown;
  unknown.where = link.where;
  unknown.message = fmt::format("unknown concept '{}' in '{}'{}", link.id, key, did_you_mean(link.id, ids));
  diagnostics.push_back(std::move(unknown));
  return std::nullopt;
}

std::size_t allowed_typos(std::size_t length) {
  if (length >= k_two_typo_length) {
    return 2;
  }
  return length >= k_min_fuzzy_length ? 1 : 0;
}
// The letters a word uses, one bit each ('a' to 'z'; other bytes share one bit).
std::uint32_t letter_set(std::string_view word) {
  std::uint32_t set = 0;
  for (char c : word) {
    set |= (c >= 'a' && c <= 'z') ? (1U << static_cast<unsigned>(c - 'a')) : (1U << 26U);
  }
  return set;
}

// Edit distance (with swaps) when it is at most `limit`, else limit + 1; no allocation, and the
// rows stop as soon as every cell is past the limit. Vocabulary words are short.
std::size_t bounded_edit_distance(std::string_view a, std::string_view b, std::size_t limit) {
  constexpr std::size_t k_longest = 63;
  if (a.size() > k_longest || b.size() > k_longest) {
    return std::min(edit_distance(a, b), limit + 1);
  }
  std::array<std::size_t, k_longest + 1> before{};
  std::array<std::size_t, k_longest + 1> previous{};
  std::array<std::size_t, k_longest + 1> current{};
  for (std::size_t j = 0; j <= b.size(); ++j) {
    previous[j] = j;
  }
  std::size_t previous_best = 0;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    std::size_t row_best = current[0];
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        current[j] = std::min(current[j], before[j - 2] + 1);
      }
      row_best = std::min(row_best, current[j]);
    }
    // A swap reaches back two rows, so both must be past the limit.
    if (row_best > limit && previous_best > limit) {
      return limit + 1;
    }
    previous_best = row_best;
    before = previous;
    previous = current;
  }
  return std::min(previous[b.size()], limit + 1);
}

} // namespace

Vocabulary::WordId Vocabulary::intern(const std::string& written) {
  if (auto found = m_tables.written.find(written); found != m_tables.written.end()) {
    return found->second;
  }
  const std::string stemmed = stem(written);
  WordId id = 0;
  if (auto by_stem = m_tables.stems.find(stemmed);
      by_stem != m_tables.stems.end() && !m_tables.context.is_grammar_word(stemmed)) {
    id = by_stem->second;
  } else {
    id = m_tables.word_count++;
  }
  m_tables.written.emplace(written, id);
  // A misspelling such as "nots" stems to "not": matching through that stem would turn every "not"
  // into a knot, so grammar words are matched only as written.
  if (!m_tables.context.is_grammar_word(stemmed)) {
    m_tables.stems.try_emplace(stemmed, id);
  }
  // Every word can be the target of a misspelling; the analyser refuses a guessed misspelling
  // that completes a concept marked `fuzzy: false`.
  if (written.size() >= k_min_fuzzy_length && !m_tables.context.is_grammar_word(written)) {
    if (m_tables.by_length.size() <= written.size()) {
      m_tables.by_length.resize(written.size() + 1);
    }
    m_tables.by_length[written.size()].push_back({written, id, letter_set(written)});
  }
  return id;
}

std::size_t Vocabulary::entry_count() const {
  // Each literal pattern element is a set of its own, and each pattern a rule with its steps.
  return m_tables.written.size() + m_tables.nodes.size() + m_tables.patterns.sets.size() +
         m_tables.patterns.patterns.size();
}

bool Vocabulary::over_budget(const SourceLocation& where, std::vector<Diagnostic>& diagnostics) {
  if (entry_count() <= m_max_entries) {
    return false;
  }
  diagnostics.push_back(
      {where, fmt::format("the phrases, word sets and patterns together need more than {} entries (distinct words, "
                          "phrase steps, pattern elements and patterns), far past what a rule set needs; load "
                          "fewer or smaller rule files",
                          m_max_entries)});
  return true;
}

Vocabulary Vocabulary::compile(const std::vector<Concept>& concepts, const std::vector<WordSet>& word_sets,
                               ContextCues context, std::vector<Diagnostic>& diagnostics, std::size_t max_entries) {
  Vocabulary vocabulary;
  vocabulary.m_max_entries = max_entries;
  vocabulary.m_tables.context = std::move(context);
  for (std::size_t index = 0; index < concepts.size(); ++index) {
    const Concept& entry = concepts[index];
    vocabulary.m_tables.red_flags.push_back(entry.kind == ConceptKind::red_flag);
    vocabulary.m_tables.fuzzy.push_back(entry.fuzzy);
    vocabulary.m_tables.stated.push_back(false);
    vocabulary.m_tables.kinds.push_back(entry.kind);
    vocabulary.m_tables.counts_within.push_back(entry.counts_within_weeks);
    vocabulary.m_tables.past.push_back(linked_concept(concepts, entry.past, "past", diagnostics));
    vocabulary.m_tables.family.push_back(linked_concept(concepts, entry.family, "family", diagnostics));
    const auto concept_id = static_cast<ConceptId>(index);
    for (const Phrase& phrase : entry.phrases) {
      const std::vector<Token> tokens = tokenize(phrase.text);
      const bool words_only = !tokens.empty() && std::all_of(tokens.begin(), tokens.end(), [](const Token& token) {
        return token.kind == TokenKind::word || token.kind == TokenKind::number;
      });
      if (!words_only) {
        diagnostics.push_back(
            {phrase.where, fmt::format("phrase '{}' of '{}' must hold only words and numbers", phrase.text, entry.id)});
        continue;
      }
      std::uint32_t node = 0;
      for (const Token& token : tokens) {
        if (vocabulary.entry_count() > max_entries) {
          break; // one phrase can hold a megabyte of words: stop inside it, reported below
        }
        const WordId word = vocabulary.intern(token.text);
        auto [child, inserted] = vocabulary.m_tables.nodes[node].children.try_emplace(
            word, static_cast<std::uint32_t>(vocabulary.m_tables.nodes.size()));
        if (inserted) {
          vocabulary.m_tables.nodes.emplace_back();
        }
        node = child->second;
      }
      if (vocabulary.over_budget(phrase.where, diagnostics)) {
        return vocabulary;
      }
      Tables::Node& end = vocabulary.m_tables.nodes[node];
      if (end.concept_id && *end.concept_id != concept_id) {
        diagnostics.push_back(
            {phrase.where, fmt::format("phrase '{}' of '{}' already means '{}' (at {})", phrase.text, entry.id,
                                       concepts[*end.concept_id].id, to_string(end.where))});
        continue;
      }
      if (!end.concept_id) {
        end.concept_id = concept_id;
        end.where = phrase.where;
        ++vocabulary.m_tables.phrase_count;
      }
    }
  }
  vocabulary.compile_patterns(concepts, word_sets, diagnostics);
  vocabulary.m_matcher = PatternMatcher(vocabulary.m_tables.patterns);
  return vocabulary;
}

namespace {} // namespace

std::optional<Vocabulary::WordId> Vocabulary::find(std::string_view word) const {
  const std::string key(word);
  if (auto found = m_tables.written.find(key); found != m_tables.written.end()) {
    return found->second;
  }
  // Most words of a description are everyday English the vocabulary lacks ("after", "day"),
  // met again and again in a batch: stemming each every time was a good part of reading it.
  if (auto seen = m_found_by_stem.find(key)) {
    return *seen;
  }
  const auto found = find_by_stem(word);
  m_found_by_stem.remember(key, found);
  return found;
}

std::optional<Vocabulary::WordId> Vocabulary::find_by_stem(std::string_view word) const {
  if (m_tables.context.is_grammar_word(word)) {
    return std::nullopt;
  }
  const std::string stemmed = stem(word);
  if (m_tables.context.is_grammar_word(stemmed)) {
    return std::nullopt;
  }
  if (auto found = m_tables.stems.find(stemmed); found != m_tables.stems.end()) {
    return found->second;
  }
  return std::nullopt;
}

std::optional<Vocabulary::WordId> Vocabulary::find_misspelled(std::string_view word,
                                                              std::optional<WordId> other_than) const {
  const std::size_t typos = allowed_typos(word.size());
  if (typos == 0 || m_tables.context.is_grammar_word(word) || m_tables.context.is_common_word(word)) {
    return std::nullopt;
  }
  // Most words a vocabulary does not know are plain English ("morning", "sitting"): looking them
  // up costs a hash probe, where a search for near-misses costs a scan of the vocabulary.
  if (m_known_words && m_known_words->contains(word)) {
    return std::nullopt;
  }
  if (other_than) {
    return closest(word, typos, other_than);
  }
  // A description repeats its words; a search for near-misses is worth remembering, up to a
  // bound, so a megabyte of new words cannot grow the memory without limit.
  const std::string key(word);
  if (auto seen = m_misspelled.find(key)) {
    return *seen;
  }
  const auto found = closest(word, typos, std::nullopt);
  m_misspelled.remember(key, found);
  return found;
}

std::optional<Vocabulary::WordId> Vocabulary::closest(std::string_view word, std::size_t typos,
                                                      std::optional<WordId> other_than) const {
  std::optional<WordId> best;
  std::size_t best_distance = typos + 1;
  const std::size_t shortest = word.size() - typos;
  const std::size_t longest =
      std::min(word.size() + typos, m_tables.by_length.empty() ? 0 : m_tables.by_length.size() - 1);
  const std::uint32_t letters = letter_set(word);
  for (std::size_t length = shortest; length <= longest; ++length) {
    for (const auto& [written, id, their_letters] : m_tables.by_length[length]) {
      // Each edit changes at most two letters of the set of letters used: a cheap first test.
      if (id == other_than || static_cast<std::size_t>(std::popcount(letters ^ their_letters)) > 2 * typos) {
        continue;
      }
      const std::size_t distance = bounded_edit_distance(word, written, best_distance - 1);
      if (distance < best_distance) {
        best_distance = distance;
        best = id;
      }
    }
  }
  return best;
}

std::optional<Vocabulary::WordId> Vocabulary::misspelling_of(WordId id, std::string_view written) const {
  std::string key(written);
  if (auto known = m_misspelling_of.find(key)) {
    return *known;
  }
  const auto other = find_misspelled(written, id);
  m_misspelling_of.remember(std::move(key), other);
  return other;
}

std::optional<Vocabulary::PhraseMatch> Vocabulary::longest_phrase(std::span<const std::optional<WordId>> words) const {
  std::optional<PhraseMatch> best;
  std::uint32_t node = 0;
  for (std::size_t i = 0; i < words.size() && words[i]; ++i) {
    const auto& children = m_tables.nodes[node].children;
    auto next = children.find(*words[i]);
    if (next == children.end()) {
      break;
    }
    node = next->second;
    if (m_tables.nodes[node].concept_id) {
      best = PhraseMatch{*m_tables.nodes[node].concept_id, i + 1, node};
    }
  }
  return best;
}

} // namespace backrelief
