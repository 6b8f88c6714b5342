#include "core/rules/rule_set.hpp"

#include "core/util/text_case.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <iterator>

namespace backrelief {

namespace {
// The kind as one leading byte and the name in lower case: short enough for most keys to stay
// inside the string itself, since every concept named in every batch line is looked up here.
std::string concept_key(ConceptKind kind, std::string_view name) {
  std::string key(1, static_cast<char>('a' + static_cast<int>(kind)));
  key += to_lower(name);
  return key;
}
} // namespace

std::optional<TechniqueId> RuleSet::find_technique(std::string_view name) const {
  if (auto it = m_technique_index.find(to_lower(name)); it != m_technique_index.end()) {
    return it->second;
  }
  return std::nullopt;
}

std::optional<ConceptId> RuleSet::find_concept(ConceptKind kind, std::string_view name) const {
  if (auto it = m_concept_index.find(concept_key(kind, name)); it != m_concept_index.end()) {
    return it->second;
  }
  return std::nullopt;
}

std::optional<ConceptId> RuleSet::find_concept(std::string_view id) const {
  if (auto it = m_concept_ids.find(std::string(id)); it != m_concept_ids.end()) {
    return it->second;
  }
  return std::nullopt;
}

const Rule* RuleSet::find_rule(std::string_view id) const {
  if (auto it = m_rule_index.find(std::string(id)); it != m_rule_index.end()) {
    return &m_rules[it->second];
  }
  return nullptr;
}

std::vector<std::string> RuleSet::technique_names() const {
  std::vector<std::string> names;
  for (const Technique& technique : m_techniques) {
    names.push_back(technique.id);
    names.insert(names.end(), technique.aliases.begin(), technique.aliases.end());
  }
  return names;
}

std::vector<std::string> RuleSet::concept_names(ConceptKind kind) const {
  std::vector<std::string> names;
  for (const Concept& entry : m_concepts) {
    if (entry.kind == kind) {
      names.push_back(entry.id);
      names.insert(names.end(), entry.aliases.begin(), entry.aliases.end());
    }
  }
  return names;
}

std::vector<std::string> RuleSet::rule_ids() const {
  std::vector<std::string> ids;
  ids.reserve(m_rules.size());
  for (const Rule& rule : m_rules) {
    ids.push_back(rule.id);
  }
  return ids;
}

TechniqueId RuleSet::add_technique(Technique technique) {
  const auto id = static_cast<TechniqueId>(m_techniques.size());
  m_technique_index[to_lower(technique.id)] = id;
  for (const std::string& alias : technique.aliases) {
    m_technique_index.try_emplace(to_lower(alias), id);
  }
  m_techniques.push_back(std::move(technique));
  return id;
}

void RuleSet::replace_technique(TechniqueId id, Technique technique) {
  std::erase_if(m_technique_index, [id](const auto& entry) { return entry.second == id; });
  m_technique_index[to_lower(technique.id)] = id;
  for (const std::string& alias : technique.aliases) {
    m_technique_index.try_emplace(to_lower(alias), id);
  }
  m_techniques[id] = std::move(technique);
}

ConceptId RuleSet::add_concept(Concept entry) {
  m_index.reset();
  const auto id = static_cast<ConceptId>(m_concepts.size());
  m_concept_ids[entry.id] = id;
  m_concept_index[concept_key(entry.kind, entry.id)] = id;
  for (const std::string& alias : entry.aliases) {
    m_concept_index.try_emplace(concept_key(entry.kind, alias), id);
  }
  m_concepts.push_back(std::move(entry));
  return id;
}

void RuleSet::replace_concept(ConceptId id, Concept entry) {
  std::erase_if(m_concept_index, [id](const auto& item) { return item.second == id; });
  m_concept_index[concept_key(entry.kind, entry.id)] = id;
  for (const std::string& alias : entry.aliases) {
    m_concept_index.try_emplace(concept_key(entry.kind, alias), id);
  }
  m_concepts[id] = std::move(entry);
}

void RuleSet::add_phrases(ConceptId id, std::vector<Phrase> phrases) {
  auto& target = m_concepts[id].phrases;
  target.insert(target.end(), std::make_move_iterator(phrases.begin()), std::make_move_iterator(phrases.end()));
}

void RuleSet::add_patterns(ConceptId id, std::vector<Pattern> patterns) {
  auto& target = m_concepts[id].patterns;
  target.insert(target.end(), std::make_move_iterator(patterns.begin()), std::make_move_iterator(patterns.end()));
}

const WordSet* RuleSet::find_word_set(std::string_view id) const {
  const auto found =
      std::find_if(m_word_sets.begin(), m_word_sets.end(), [id](const WordSet& set) { return set.id == id; });
  return found == m_word_sets.end() ? nullptr : &*found;
}

std::vector<std::string> RuleSet::word_set_ids() const {
  std::vector<std::string> ids;
  ids.reserve(m_word_sets.size());
  for (const WordSet& set : m_word_sets) {
    ids.push_back(set.id);
  }
  return ids;
}

void RuleSet::put_word_set(WordSet set) {
  for (WordSet& existing : m_word_sets) {
    if (existing.id == set.id) {
      existing = std::move(set);
      return;
    }
  }
  m_word_sets.push_back(std::move(set));
}

const Trait* RuleSet::find_trait(std::string_view id) const {
  const auto found =
      std::find_if(m_traits.begin(), m_traits.end(), [id](const Trait& trait) { return trait.id == id; });
  return found == m_traits.end() ? nullptr : &*found;
}

std::vector<std::string> RuleSet::trait_ids() const {
  std::vector<std::string> ids;
  ids.reserve(m_traits.size());
  for (const Trait& trait : m_traits) {
    ids.push_back(trait.id);
  }
  return ids;
}

std::vector<TechniqueId> RuleSet::techniques_with(std::string_view trait) const {
  std::vector<TechniqueId> ids;
  for (std::size_t i = 0; i < m_techniques.size(); ++i) {
    const auto& traits = m_techniques[i].traits;
    if (std::find(traits.begin(), traits.end(), trait) != traits.end()) {
      ids.push_back(static_cast<TechniqueId>(i));
    }
  }
  return ids;
}

void RuleSet::put_trait(Trait trait) {
  for (Trait& existing : m_traits) {
    if (existing.id == trait.id) {
      existing = std::move(trait);
      return;
    }
  }
  m_traits.push_back(std::move(trait));
}

const Question* RuleSet::find_question(std::string_view id) const {
  const auto found = std::find_if(m_questions.begin(), m_questions.end(),
                                  [id](const Question& question) { return question.id == id; });
  return found == m_questions.end() ? nullptr : &*found;
}

std::vector<std::string> RuleSet::question_ids() const {
  std::vector<std::string> ids;
  ids.reserve(m_questions.size());
  for (const Question& question : m_questions) {
    ids.push_back(question.id);
  }
  return ids;
}

void RuleSet::put_question(Question question) {
  for (Question& existing : m_questions) {
    if (existing.id == question.id) {
      existing = std::move(question);
      return;
    }
  }
  m_questions.push_back(std::move(question));
}

void RuleSet::put_safety_net_line(SafetyNetLine line) {
  for (SafetyNetLine& existing : m_safety_net) {
    if (existing.level == line.level) {
      existing = std::move(line);
      return;
    }
  }
  m_safety_net.push_back(std::move(line));
  std::stable_sort(m_safety_net.begin(), m_safety_net.end(),
                   [](const SafetyNetLine& a, const SafetyNetLine& b) { return a.level > b.level; });
}

const Vocabulary& RuleSet::vocabulary() const {
  if (!m_vocabulary) {
    m_vocabulary = m_vocabulary_source ? m_vocabulary_source() : Vocabulary{};
    m_vocabulary->use_known_words(m_known_words);
  }
  return *m_vocabulary;
}

Vocabulary& RuleSet::vocabulary() {
  return const_cast<Vocabulary&>(static_cast<const RuleSet&>(*this).vocabulary()); // NOLINT(*-const-cast): ours
}

void RuleSet::set_vocabulary(Vocabulary vocabulary) {
  m_vocabulary = std::move(vocabulary);
  m_vocabulary->use_known_words(m_known_words);
  m_vocabulary_source = nullptr;
}

void RuleSet::set_vocabulary_source(std::function<Vocabulary()> source) {
  m_vocabulary.reset();
  m_vocabulary_source = std::move(source);
}

void RuleSet::use_known_words(std::shared_ptr<const KnownWords> words) {
  m_known_words = std::move(words);
  if (m_vocabulary) {
    m_vocabulary->use_known_words(m_known_words);
  }
}

void RuleSet::put_rule(Rule rule) {
  m_index.reset();
  if (auto it = m_rule_index.find(rule.id); it != m_rule_index.end()) {
    m_rules[it->second] = std::move(rule);
    return;
  }
  m_rule_index.emplace(rule.id, m_rules.size());
  m_rules.push_back(std::move(rule));
}

bool RuleSet::disable_rule(std::string_view id, const SourceLocation& where) {
  auto it = m_rule_index.find(std::string(id));
  if (it == m_rule_index.end()) {
    return false;
  }
  const std::size_t index = it->second;
  m_index.reset();
  m_disabled.emplace_back(std::move(m_rules[index]), where);
  m_rules.erase(m_rules.begin() + static_cast<std::ptrdiff_t>(index));
  m_rule_index.clear();
  for (std::size_t i = 0; i < m_rules.size(); ++i) {
    m_rule_index.emplace(m_rules[i].id, i);
  }
  return true;
}

// A word that can send someone to a clinician gets the red-flag caution in the text analyser,
// whatever its kind ("fever" is a condition).
namespace {

// True when the condition holds for a profile that affirms this one concept and nothing else:
// no other fact, no pressure, no number.
bool holds_with_only(const Condition& condition, ConceptId id) {
  switch (condition.kind) {
  case Condition::Kind::all:
    return std::all_of(condition.children.begin(), condition.children.end(),
                       [id](const Condition& child) { return holds_with_only(child, id); });
  case Condition::Kind::any:
    return std::any_of(condition.children.begin(), condition.children.end(),
                       [id](const Condition& child) { return holds_with_only(child, id); });
  case Condition::Kind::negation:
    return !condition.children.empty() && !holds_with_only(condition.children.front(), id);
  case Condition::Kind::concept_:
    return std::find(condition.concepts.begin(), condition.concepts.end(), id) != condition.concepts.end();
  case Condition::Kind::pressure:
  case Condition::Kind::number:
    return false;
  }
  return false;
}

} // namespace

void mark_referral_concepts(RuleSet& rules) {
  for (const Rule& rule : rules.rules()) {
    const bool guards = !rule.excludes.empty() || !rule.cautions.empty();
    for (ConceptId id : concepts_in(rule.when)) {
      // A routine referral is no red flag: "could it be sciatica?" may stay a question. Nor is a
      // concept that refers only together with others: "could it be cancer?" is a worry, and
      // cancer refers only with pain that is new or has changed.
      if (rule.referral && rule.referral->level != ReferralLevel::routine && holds_with_only(rule.when, id)) {
        rules.vocabulary().mark_red_flag(id);
      }
      // A health condition behind an exclusion or caution is stated even inside a question:
      // "is deep tissue safe when I'm pregnant?" asks, but the pregnancy is real.
      if (guards && rules.concepts()[id].kind == ConceptKind::condition) {
        rules.vocabulary().mark_stated(id);
      }
    }
  }
}

void derive_question_tiers(RuleSet& rules) {
  std::vector<std::optional<ReferralLevel>> strongest(rules.concepts().size());
  for (const Rule& rule : rules.rules()) {
    if (!rule.referral) {
      continue;
    }
    for (ConceptId id : concepts_in(rule.when)) {
      if (!strongest[id] || *strongest[id] < rule.referral->level) {
        strongest[id] = rule.referral->level;
      }
    }
  }
  std::vector<Question> questions = rules.questions();
  for (Question& question : questions) {
    question.tier.reset();
    for (ConceptId id : question.yes) {
      if (strongest[id] && (!question.tier || *question.tier < *strongest[id])) {
        question.tier = strongest[id];
      }
    }
    rules.put_question(std::move(question));
  }
}

std::string RuleSet::defined_with_errors(std::string_view id) const {
  for (const auto& [broken, where] : m_defined_with_errors) {
    if (to_lower(broken) == to_lower(id)) {
      return fmt::format("; '{}' is defined at {}, which has errors: fix those first", broken, to_string(where));
    }
  }
  return {};
}

} // namespace backrelief
