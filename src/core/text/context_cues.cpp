#include "core/text/context_cues.hpp"

#include <algorithm>
#include <unordered_map>

namespace backrelief {

namespace {

std::vector<std::string> words_of(std::string_view cue) {
  std::vector<std::string> words;
  std::size_t start = 0;
  while (start < cue.size()) {
    std::size_t end = cue.find(' ', start);
    if (end == std::string_view::npos) {
      end = cue.size();
    }
    if (end > start) {
      words.emplace_back(cue.substr(start, end - start));
    }
    start = end + 1;
  }
  return words;
}

} // namespace

ContextCues::ContextCues(std::vector<Modifier> modifiers, std::vector<WordClassWords> word_classes,
                         std::vector<NumberWords> number_words)
    : m_modifiers(std::move(modifiers)), m_word_classes(std::move(word_classes)),
      m_number_words(std::move(number_words)) {
  // Later entries win, so a user's file may give a word another value.
  for (const NumberWords& entry : m_number_words) {
    for (std::size_t i = 0; i < entry.words.size(); ++i) {
      NumberWordInfo& info = m_numbers[entry.words[i]];
      static_assert(static_cast<unsigned>(NumberRole::age_now) < 16, "a number word's roles are bits of 16");
      info.roles |= static_cast<std::uint16_t>(1U << static_cast<unsigned>(entry.role));
      if (entry.role == NumberRole::count && i < entry.values.size()) {
        info.count = entry.values[i];
      } else if (entry.role == NumberRole::unit && i < entry.values.size()) {
        info.weeks = entry.values[i];
      } else if (entry.role == NumberRole::decade && i < entry.values.size()) {
        info.decade = entry.values[i];
      }
    }
  }
  m_cues.resize(m_modifiers.size());
  for (std::size_t m = 0; m < m_modifiers.size() && m < k_max_modifiers; ++m) {
    const Modifier& modifier = m_modifiers[m];
    for (const std::string& cue : modifier.cues) {
      Cue compiled{words_of(cue), static_cast<std::uint32_t>(m)};
      if (compiled.words.empty()) {
        continue;
      }
      m_words[compiled.words.front()].starts |= std::uint64_t{1} << m;
      m_cues[m].push_back(std::move(compiled));
    }
    std::stable_sort(m_cues[m].begin(), m_cues[m].end(),
                     [](const Cue& a, const Cue& b) { return a.words.size() > b.words.size(); });
    // Reporting verbs end only another person's scope, and "and" only a negation's reach over red
    // flags: neither is grammar enough to keep a word from being vocabulary.
    const bool negation =
        modifier.category == ModifierCategory::negated && modifier.direction != ModifierDirection::backward;
    const bool ends_all =
        modifier.direction == ModifierDirection::terminate && modifier.ends.empty() && modifier.applies_to.empty();
    if (negation || ends_all) {
      m_grammar_modifiers |= std::uint64_t{1} << m;
    }
    if (modifier.category == ModifierCategory::negated) {
      m_negation_modifiers |= std::uint64_t{1} << m;
    }
  }
  for (const WordClassWords& entry : m_word_classes) {
    for (const std::string& word : entry.words) {
      m_words[word].classes |= class_bit(entry.word_class);
    }
  }
  index_by_first_word();
}

void ContextCues::index_by_first_word() {
  std::unordered_map<std::string_view, std::vector<const Cue*>> groups;
  for (const std::vector<Cue>& cues : m_cues) {
    for (const Cue& cue : cues) {
      groups[cue.words.front()].push_back(&cue);
    }
  }
  for (auto& [word, group] : groups) {
    std::stable_sort(group.begin(), group.end(), [](const Cue* a, const Cue* b) {
      return a->words.size() != b->words.size() ? a->words.size() > b->words.size() : a->modifier < b->modifier;
    });
    WordInfo& info = m_words.find(word)->second;
    info.first_cue = static_cast<std::uint32_t>(m_by_first_word.size());
    info.cue_count = static_cast<std::uint32_t>(group.size());
    for (const Cue* cue : group) {
      m_by_first_word.push_back(*cue);
    }
  }
}

ContextCues::WordInfo ContextCues::info(std::string_view word) const {
  if (m_words.empty()) {
    return {};
  }
  const auto found = m_words.find(word);
  return found == m_words.end() ? WordInfo{} : found->second;
}

const ContextCues::NumberWordInfo* ContextCues::number_info(std::string_view word) const {
  if (m_numbers.empty()) {
    return nullptr;
  }
  const auto found = m_numbers.find(word);
  return found == m_numbers.end() ? nullptr : &found->second;
}

std::optional<double> ContextCues::count_value(std::string_view word) const {
  const NumberWordInfo* info = number_info(word);
  return info != nullptr && has_role(word, NumberRole::count) ? std::optional{info->count} : std::nullopt;
}

std::optional<double> ContextCues::unit_weeks(std::string_view word) const {
  const NumberWordInfo* info = number_info(word);
  return info != nullptr && has_role(word, NumberRole::unit) ? std::optional{info->weeks} : std::nullopt;
}

std::optional<double> ContextCues::decade_start(std::string_view word) const {
  const NumberWordInfo* info = number_info(word);
  return info != nullptr && has_role(word, NumberRole::decade) ? std::optional{info->decade} : std::nullopt;
}

bool ContextCues::has_role(std::string_view word, NumberRole role) const {
  const NumberWordInfo* info = number_info(word);
  return info != nullptr && (info->roles & (1U << static_cast<unsigned>(role))) != 0;
}

bool ContextCues::is_grammar_word(std::string_view word) const {
  const WordInfo found = info(word);
  constexpr std::uint8_t k_grammar_classes =
      class_bit(WordClass::first_person) | class_bit(WordClass::list_joiners) | class_bit(WordClass::list_fillers);
  return (found.starts & m_grammar_modifiers) != 0 || (found.classes & k_grammar_classes) != 0;
}

} // namespace backrelief
