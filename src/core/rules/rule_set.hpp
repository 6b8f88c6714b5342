#pragma once

#include "core/model/concept.hpp"
#include "core/model/pattern.hpp"
#include "core/model/question.hpp"
#include "core/model/rule.hpp"
#include "core/model/technique.hpp"
#include "core/rules/rule_index.hpp"
#include "core/text/vocabulary.hpp"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace backrelief {

/// Everything the loaded rule files define, resolved and validated, ready to evaluate.
class RuleSet {
public:
  /// Techniques in declaration order; a TechniqueId indexes this.
  [[nodiscard]] const std::vector<Technique>& techniques() const { return m_techniques; }
  /// Traits in declaration order.
  [[nodiscard]] const std::vector<Trait>& traits() const { return m_traits; }
  /// Concepts in declaration order; a ConceptId indexes this.
  [[nodiscard]] const std::vector<Concept>& concepts() const { return m_concepts; }
  /// The active rules in load order (disabled rules left out).
  [[nodiscard]] const std::vector<Rule>& rules() const { return m_rules; }
  /// Word sets in declaration order, for patterns.
  [[nodiscard]] const std::vector<WordSet>& word_sets() const { return m_word_sets; }
  /// The guided interview's questions, in the order they are asked.
  [[nodiscard]] const std::vector<Question>& questions() const { return m_questions; }
  /// What the safety net says to do at each tier, strongest first.
  [[nodiscard]] const std::vector<SafetyNetLine>& safety_net() const { return m_safety_net; }
  /// Rules switched off by `disable`, with where they were switched off.
  [[nodiscard]] const std::vector<std::pair<Rule, SourceLocation>>& disabled_rules() const { return m_disabled; }

  /// The compiled phrases of every concept, for understanding descriptions.
  /// Made on first use when the rule set came from the cache (see set_vocabulary_source): a
  /// profile without a description never needs it. That first use is not safe from two threads
  /// at once: the public API makes it before a rule set is shared (`prepare_rules`). Once made,
  /// the vocabulary may be read from any number of threads.
  [[nodiscard]] const Vocabulary& vocabulary() const;
  /// Stores the compiled vocabulary; the loader calls this once every concept is known.
  void set_vocabulary(Vocabulary vocabulary);
  /// Makes the vocabulary on first use with `source` instead, which must not fail.
  void set_vocabulary_source(std::function<Vocabulary()> source);
  /// The vocabulary, for the loader to mark the concepts that referral rules ask for.
  Vocabulary& vocabulary();
  /// Words spelled right, for the vocabulary now or when it is made.
  void use_known_words(std::shared_ptr<const KnownWords> words);

  /// Indexes the active rules by the facts they need; the loader calls this once every rule is
  /// in place, and adding or disabling a rule drops the index again.
  void index_rules() { m_index = RuleIndex(m_rules, m_concepts.size()); }

  /// The rule index, or null when the rules changed since index_rules() (evaluate them all).
  [[nodiscard]] const RuleIndex* index() const { return m_index ? &*m_index : nullptr; }

  /// Finds a technique by id or alias, ignoring case.
  [[nodiscard]] std::optional<TechniqueId> find_technique(std::string_view name) const;
  /// Finds a concept of the given kind by id or alias, ignoring case.
  [[nodiscard]] std::optional<ConceptId> find_concept(ConceptKind kind, std::string_view name) const;
  /// Finds a concept of any kind by id.
  [[nodiscard]] std::optional<ConceptId> find_concept(std::string_view id) const;
  /// Finds a trait by id (exactly as written, like every id in a rule file), or null.
  [[nodiscard]] const Trait* find_trait(std::string_view id) const;
  /// Every trait id, for suggestions.
  [[nodiscard]] std::vector<std::string> trait_ids() const;
  /// The techniques that have a trait, in declaration order.
  [[nodiscard]] std::vector<TechniqueId> techniques_with(std::string_view trait) const;
  /// Finds a word set by id, or null.
  [[nodiscard]] const WordSet* find_word_set(std::string_view id) const;
  /// Every word set id, for suggestions.
  [[nodiscard]] std::vector<std::string> word_set_ids() const;
  /// Finds a question by id, or null.
  [[nodiscard]] const Question* find_question(std::string_view id) const;
  /// Every question id, for suggestions.
  [[nodiscard]] std::vector<std::string> question_ids() const;
  /// Finds an active rule by id.
  [[nodiscard]] const Rule* find_rule(std::string_view id) const;

  /// Every technique id and alias, for suggestions.
  [[nodiscard]] std::vector<std::string> technique_names() const;
  /// Every concept id and alias of one kind, for suggestions.
  [[nodiscard]] std::vector<std::string> concept_names(ConceptKind kind) const;
  /// Every active rule id, for suggestions.
  [[nodiscard]] std::vector<std::string> rule_ids() const;

  /// Adds a trait, or replaces the one with the same id in place.
  void put_trait(Trait trait);
  /// Adds a technique; the caller has checked the id is new.
  TechniqueId add_technique(Technique technique);
  /// Replaces the technique with the same id.
  void replace_technique(TechniqueId id, Technique technique);
  /// Adds a concept; the caller has checked the id is new.
  ConceptId add_concept(Concept entry);
  /// Replaces the concept with the same id, keeping its index.
  void replace_concept(ConceptId id, Concept entry);
  /// Adds description phrases to a concept.
  void add_phrases(ConceptId id, std::vector<Phrase> phrases);
  /// Adds patterns to a concept.
  void add_patterns(ConceptId id, std::vector<Pattern> patterns);
  /// Adds a word set, or replaces the one with the same id in place.
  void put_word_set(WordSet set);
  /// Adds a rule, or replaces the one with the same id in place.
  void put_rule(Rule rule);
  /// Adds a question at the end, or replaces the one with the same id in place.
  void put_question(Question question);
  /// Sets what the safety net says at one tier, replacing what it said before.
  void put_safety_net_line(SafetyNetLine line);
  /// Switches a rule off; returns false when no active rule has that id.
  bool disable_rule(std::string_view id, const SourceLocation& where);
  /// Keeps a rule that was switched off, as read back from the rule cache.
  void add_disabled_rule(Rule rule, SourceLocation where) {
    m_disabled.emplace_back(std::move(rule), std::move(where));
  }

  /// While loading: a technique, trait or concept whose id was read but whose definition had
  /// errors, so it is not in the set; a reference to it says so rather than that it is unknown.
  void note_defined_with_errors(std::string id, SourceLocation where) {
    m_defined_with_errors.emplace_back(std::move(id), std::move(where));
  }
  /// For the message about an unknown `id`: "; 'id' is defined at FILE:LINE:COLUMN, which has
  /// errors: fix those first", or "" when no definition of it failed.
  [[nodiscard]] std::string defined_with_errors(std::string_view id) const;

private:
  std::vector<Technique> m_techniques;
  std::vector<Trait> m_traits;
  std::vector<Concept> m_concepts;
  std::vector<Rule> m_rules;
  std::vector<WordSet> m_word_sets;
  std::vector<std::pair<Rule, SourceLocation>> m_disabled;
  std::vector<std::pair<std::string, SourceLocation>> m_defined_with_errors;
  std::vector<Question> m_questions;
  std::vector<SafetyNetLine> m_safety_net;
  std::optional<RuleIndex> m_index;
  mutable std::optional<Vocabulary> m_vocabulary;
  std::function<Vocabulary()> m_vocabulary_source;
  std::shared_ptr<const KnownWords> m_known_words;
  std::unordered_map<std::string, TechniqueId> m_technique_index; // ids and aliases, lower case
  std::unordered_map<std::string, ConceptId> m_concept_index;     // "kind:name", lower case
  std::unordered_map<std::string, ConceptId> m_concept_ids;       // ids only
  std::unordered_map<std::string, std::size_t> m_rule_index;
};

/// Marks in the vocabulary the concepts that refer on their own, by an emergency or urgent rule
/// that needs nothing else (red flags, never made hypothetical) and the conditions behind exclusions and cautions
/// (stated even in a question). The loader calls it once every rule is in place.
void mark_referral_concepts(RuleSet& rules);

/// Gives each warning-sign question the strongest referral that a rule asking for one of its
/// `yes` concepts can make. The loader calls it once the rules and questions are in place.
void derive_question_tiers(RuleSet& rules);

} // namespace backrelief
