#include "core/engine/therapist_note.hpp"

#include "core/rules/rule_set.hpp"

#include <algorithm>

namespace backrelief {

namespace {

template <typename T>
void push_unique(std::vector<T>& items, T item) {
  if (std::find(items.begin(), items.end(), item) == items.end()) {
    items.push_back(item);
  }
}

// The concepts of one kind the profile affirms: those given first, then those of the words.
std::vector<ConceptId> affirmed_of_kind(const RuleSet& rules, const Profile& profile, ConceptKind kind,
                                        const std::vector<ConceptId>& given) {
  std::vector<ConceptId> ids = given;
  for (const TextFact& fact : profile.text.facts) {
    if (fact.affirmed() && rules.concepts()[fact.concept_id].kind == kind) {
      push_unique(ids, fact.concept_id);
    }
  }
  return ids;
}

} // namespace

TherapistNote therapist_note(const RuleSet& rules, const Profile& profile, TechniqueId technique,
                             const std::vector<std::string_view>& cautions) {
  TherapistNote note;
  note.technique = technique;
  note.areas = affirmed_of_kind(rules, profile, ConceptKind::area, profile.areas);
  note.pressure = profile.pressure;
  note.conditions = affirmed_of_kind(rules, profile, ConceptKind::condition, profile.conditions);
  for (const std::string_view caution : cautions) {
    push_unique(note.cautions, caution);
  }
  return note;
}

} // namespace backrelief
