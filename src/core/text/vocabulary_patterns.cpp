// Vocabulary::compile_patterns: the word sets and patterns of the rule files, resolved to the
// vocabulary's word ids. Kept apart from the phrase trie, which it shares only the words with.
#include "core/text/tokenizer.hpp"
#include "core/text/vocabulary.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <unordered_map>

namespace backrelief {

// Words of a set member or a literal element; "=legs" is the written form only.
std::optional<std::vector<WordId>> Vocabulary::intern_words(const std::string& text) {
  std::vector<WordId> words;
  std::size_t at = 0;
  while (at < text.size() && entry_count() <= m_max_entries) { // past it, the caller reports
    const std::size_t space = std::min(text.find(' ', at), text.size());
    const std::string piece = text.substr(at, space - at);
    at = space + 1;
    if (piece.empty()) {
      continue;
    }
    if (piece == "#") {
      // Any number, as written in digits: "34 weeks along".
      if (!m_tables.patterns.any_number) {
        m_tables.patterns.any_number = m_tables.word_count++;
      }
      words.push_back(*m_tables.patterns.any_number);
      continue;
    }
    const bool exact = piece.front() == '=';
    const std::vector<Token> tokens = tokenize(exact ? piece.substr(1) : piece);
    if (tokens.empty() || (exact && tokens.size() != 1) ||
        !std::all_of(tokens.begin(), tokens.end(), [](const Token& token) {
          return token.kind == TokenKind::word || token.kind == TokenKind::number;
        })) {
      return std::nullopt;
    }
    for (const Token& token : tokens) {
      words.push_back(exact ? intern_exact(token.text) : intern(token.text));
    }
  }
  if (words.empty()) {
    return std::nullopt;
  }
  return words;
}

WordId Vocabulary::intern_exact(const std::string& written) {
  const WordId usual = intern(written);
  auto& with_exact = m_tables.patterns.with_exact_forms;
  if (!std::binary_search(with_exact.begin(), with_exact.end(), usual)) {
    with_exact.insert(std::upper_bound(with_exact.begin(), with_exact.end(), usual), usual);
  }
  const auto [found, added] = m_tables.written.try_emplace("=" + written, m_tables.word_count);
  if (added) {
    ++m_tables.word_count;
  }
  return found->second;
}

std::optional<WordId> Vocabulary::exact_form(WordId id, std::string_view written) const {
  if (!m_matcher.has_exact_form(id)) {
    return std::nullopt;
  }
  std::string key = "=";
  key += written;
  const auto found = m_tables.written.find(key);
  return found == m_tables.written.end() ? std::nullopt : std::optional<WordId>(found->second);
}

void Vocabulary::compile_patterns(const std::vector<Concept>& concepts, const std::vector<WordSet>& word_sets,
                                  std::vector<Diagnostic>& diagnostics) {
  CompiledPatterns& compiled = m_tables.patterns;
  std::unordered_map<std::string, std::uint32_t> named;
  std::map<std::vector<WordId>, std::uint32_t> literal_sets;
  for (const WordSet& set : word_sets) {
    const auto index = static_cast<std::uint32_t>(compiled.sets.size());
    named.emplace(set.id, index);
    compiled.set_names.push_back(set.id);
    auto& members = compiled.sets.emplace_back();
    for (std::size_t i = 0; i < set.members.size(); ++i) {
      if (auto words = intern_words(set.members[i])) {
        members.push_back(std::move(*words));
      } else {
        diagnostics.push_back({set.member_where[i], fmt::format("'{}' of the word set '{}' must hold only words and "
                                                                "numbers",
                                                                set.members[i], set.id)});
      }
      if (over_budget(set.member_where[i], diagnostics)) {
        return;
      }
    }
    if (set.id == "clause-breaks") {
      compiled.clause_breaks = index;
    }
  }
  // A literal element becomes a set of its own with one member.
  const auto set_of = [&](const PatternElement& element) -> std::optional<std::uint32_t> {
    if (element.kind == PatternElement::Kind::set) {
      const auto found = named.find(element.text);
      if (found == named.end()) {
        return std::nullopt; // reported by check_pattern_sets
      }
      return found->second;
    }
    auto words = intern_words(element.text);
    if (!words) {
      diagnostics.push_back(
          {element.where, fmt::format("pattern element '{}' must hold only words and numbers", element.text)});
      return std::nullopt;
    }
    // The same literal in many patterns is one set: each set a word belongs to is work at every
    // place the word stands in a text.
    const auto [literal, added] =
        literal_sets.try_emplace(std::move(*words), static_cast<std::uint32_t>(compiled.sets.size()));
    if (added) {
      compiled.sets.push_back({literal->first});
      compiled.set_names.emplace_back();
    }
    return literal->second;
  };
  const auto sets_of = [&](const std::vector<PatternElement>& elements, std::vector<std::uint32_t>& out) {
    bool good = true;
    for (const PatternElement& element : elements) {
      if (auto set = set_of(element)) {
        out.push_back(*set);
      } else {
        good = false;
      }
    }
    return good;
  };
  for (std::size_t index = 0; index < concepts.size(); ++index) {
    for (const Pattern& pattern : concepts[index].patterns) {
      CompiledPatterns::Rule rule;
      rule.concept_id = static_cast<ConceptId>(index);
      rule.near = pattern.kind == Pattern::Kind::near;
      rule.within = static_cast<std::uint8_t>(pattern.within);
      rule.reach = static_cast<std::uint8_t>(pattern.reach);
      rule.absorbs = concepts[index].report_only;
      rule.hint = concepts[index].hint;
      rule.text = pattern.text;
      rule.where = pattern.where;
      bool good = true;
      for (const PatternElement& element : pattern.elements) {
        CompiledPatterns::Step step;
        step.optional = element.optional;
        if (element.kind == PatternElement::Kind::gap) {
          step.gap = true;
          step.max_gap = static_cast<std::uint8_t>(element.max_gap);
        } else if (auto set = set_of(element)) {
          step.set = *set;
        } else {
          good = false;
        }
        rule.steps.push_back(step);
      }
      good = sets_of(pattern.only_near, rule.only_near) && good;
      good = sets_of(pattern.not_near, rule.not_near) && good;
      if (good) {
        compiled.patterns.push_back(std::move(rule));
      }
      if (over_budget(pattern.where, diagnostics)) {
        return;
      }
    }
  }
}

} // namespace backrelief
