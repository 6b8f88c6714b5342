#pragma once

#include "core/engine/profile.hpp"

#include <optional>
#include <string_view>
#include <vector>

namespace backrelief {

class RuleSet;

/// What a person should say at the door: the technique they come for, where to work, the
/// pressure they asked for, the health conditions and medicines that matter, and the cautions.
struct TherapistNote {
  TechniqueId technique = 0;              ///< the first suggestion
  std::vector<ConceptId> areas;           ///< given as options or reported in the words, in that order
  std::optional<Pressure> pressure;       ///< as asked for (an option, the config file or an answer)
  std::vector<ConceptId> conditions;      ///< health conditions and medicines, given or reported
  std::vector<std::string_view> cautions; ///< the technique's cautions, without repeats
};

/// The note for coming to `technique`, whose cautions are given, as `profile` describes the person.
TherapistNote therapist_note(const RuleSet& rules, const Profile& profile, TechniqueId technique,
                             const std::vector<std::string_view>& cautions);

} // namespace backrelief
