#include "backrelief/vocabulary.hpp"

#include "backrelief/edit_distance.hpp"
#include "lexicon.hpp"
#include "stemmer.hpp"
#include "tokenizer.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace backrelief {

namespace {
constexpr std::size_t k_min_fuzzy_length = 5;
constexpr std::size_t k_two_typo_length = 8;

std::size_t allowed_typos(std::size_t length) {
  if (length >= k_two_typo_length) {
    return 2;
  }
  return length >= k_min_fuzzy_length ? 1 : 0;
}
} // namespace

Vocabulary::WordId Vocabulary::intern(const std::string& written) {
  const std::string stemmed = stem(written);
  WordId id = 0;
  if (auto found = m_written.find(written); found != m_written.end()) {
    id = found->second;
  } else if (auto by_stem = m_stems.find(stemmed); by_stem != m_stems.end() && !is_grammar_word(stemmed)) {
    id = by_stem->second;
  } else {
    id = m_word_count++;
  }
  m_written.try_emplace(written, id);
  // A misspelling such as "nots" stems to "not": matching through that stem would turn every "not"
  // into a knot, so grammar words are matched only as written.
  if (!is_grammar_word(stemmed)) {
    m_stems.try_emplace(stemmed, id);
  }
  // Every word can be the target of a misspelling; the analyser refuses a guessed misspelling
  // that completes a concept marked `fuzzy: false`.
  if (written.size() >= k_min_fuzzy_length && !is_grammar_word(written)) {
    if (m_by_length.size() <= written.size()) {
      m_by_length.resize(written.size() + 1);
    }
    m_by_length[written.size()].emplace_back(written, id);
  }
  return id;
}

Vocabulary Vocabulary::compile(const std::vector<Concept>& concepts, std::vector<Diagnostic>& diagnostics) {
  Vocabulary vocabulary;
  for (std::size_t index = 0; index < concepts.size(); ++index) {
    const Concept& entry = concepts[index];
    vocabulary.m_red_flags.push_back(entry.kind == ConceptKind::red_flag);
    vocabulary.m_fuzzy.push_back(entry.fuzzy);
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
        const WordId word = vocabulary.intern(token.text);
        auto [child, inserted] =
            vocabulary.m_nodes[node].children.try_emplace(word, static_cast<std::uint32_t>(vocabulary.m_nodes.size()));
        if (inserted) {
          vocabulary.m_nodes.emplace_back();
        }
        node = child->second;
      }
      Node& end = vocabulary.m_nodes[node];
      if (end.concept_id && *end.concept_id != concept_id) {
        diagnostics.push_back(
            {phrase.where, fmt::format("phrase '{}' of '{}' already means '{}' (at {})", phrase.text, entry.id,
                                       concepts[*end.concept_id].id, to_string(end.where))});
        continue;
      }
      if (!end.concept_id) {
        end.concept_id = concept_id;
        end.where = phrase.where;
        ++vocabulary.m_phrase_count;
      }
    }
  }
  return vocabulary;
}

std::optional<Vocabulary::WordId> Vocabulary::find(std::string_view word) const {
  if (auto found = m_written.find(std::string(word)); found != m_written.end()) {
    return found->second;
  }
  if (is_grammar_word(word)) {
    return std::nullopt;
  }
  const std::string stemmed = stem(word);
  if (is_grammar_word(stemmed)) {
    return std::nullopt;
  }
  if (auto found = m_stems.find(stemmed); found != m_stems.end()) {
    return found->second;
  }
  return std::nullopt;
}

std::optional<Vocabulary::WordId> Vocabulary::find_misspelled(std::string_view word,
                                                              std::optional<WordId> other_than) const {
  const std::size_t typos = allowed_typos(word.size());
  if (typos == 0 || is_grammar_word(word) || is_common_word(word)) {
    return std::nullopt;
  }
  std::optional<WordId> best = closest(word, typos, other_than);
  // Checked last, as reading the word lists costs a few milliseconds once.
  if (best && m_known_words && m_known_words->contains(word)) {
    return std::nullopt;
  }
  return best;
}

std::optional<Vocabulary::WordId> Vocabulary::closest(std::string_view word, std::size_t typos,
                                                      std::optional<WordId> other_than) const {
  std::optional<WordId> best;
  std::size_t best_distance = typos + 1;
  const std::size_t shortest = word.size() - typos;
  const std::size_t longest = std::min(word.size() + typos, m_by_length.empty() ? 0 : m_by_length.size() - 1);
  for (std::size_t length = shortest; length <= longest; ++length) {
    for (const auto& [written, id] : m_by_length[length]) {
      if (id == other_than) {
        continue;
      }
      const std::size_t distance = edit_distance(word, written);
      if (distance < best_distance) {
        best_distance = distance;
        best = id;
      }
    }
  }
  return best;
}

std::optional<Vocabulary::WordId> Vocabulary::misspelling_of(WordId id, std::string_view written) const {
  if (auto known = m_misspelling_of.find(id); known != m_misspelling_of.end()) {
    return known->second;
  }
  const auto other = find_misspelled(written, id);
  m_misspelling_of.emplace(id, other);
  return other;
}

std::optional<Vocabulary::PhraseMatch> Vocabulary::longest_phrase(std::span<const std::optional<WordId>> words) const {
  std::optional<PhraseMatch> best;
  std::uint32_t node = 0;
  for (std::size_t i = 0; i < words.size() && words[i]; ++i) {
    const auto& children = m_nodes[node].children;
    auto next = children.find(*words[i]);
    if (next == children.end()) {
      break;
    }
    node = next->second;
    if (m_nodes[node].concept_id) {
      best = PhraseMatch{*m_nodes[node].concept_id, i + 1};
    }
  }
  return best;
}

} // namespace backrelief
