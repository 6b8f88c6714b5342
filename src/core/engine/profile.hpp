#pragma once

#include "core/model/concept.hpp"
#include "core/model/fact_set.hpp"
#include "core/model/pressure.hpp"
#include "core/model/question.hpp"
#include "core/model/technique.hpp"
#include "core/text/text_analysis.hpp"

#include <backrelief/profile_input.hpp>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace backrelief {

class RuleSet;

/// A warning-sign question the person answered.
struct GivenAnswer {
  std::size_t question = 0; ///< an index into RuleSet::questions()
  SignAnswer answer = SignAnswer::no;
};

/// A person's situation, checked and resolved against a rule set.
struct Profile {
  std::string description;
  std::optional<Pressure> pressure;
  std::vector<ConceptId> goals;
  std::vector<ConceptId> areas;
  std::vector<ConceptId> conditions;
  std::vector<TechniqueId> avoid;
  std::optional<int> age;
  std::optional<double> duration_weeks;
  std::optional<double> intensity;  ///< pain on a 0-10 scale, from the text
  std::vector<GivenAnswer> answers; ///< in the order given, one per question
  TextAnalysis text;                ///< what the description says
  FactSet facts;                    ///< every concept affirmed, by the options or the text
};

/// The fields of a ProfileInput as a Diagnostic names them when a value is not acceptable.
inline constexpr std::string_view k_field_pressure = "pressure";
inline constexpr std::string_view k_field_goal = "goal";
inline constexpr std::string_view k_field_area = "area";
inline constexpr std::string_view k_field_condition = "condition";
inline constexpr std::string_view k_field_avoid = "avoid";
inline constexpr std::string_view k_field_age = "age";
inline constexpr std::string_view k_field_duration = "duration";
inline constexpr std::string_view k_field_intensity = "intensity";
inline constexpr std::string_view k_field_answer = "answer";
inline constexpr std::string_view k_field_year = "year";

/// The oldest age accepted.
inline constexpr int k_max_age = 130;

/// Every concept the profile affirms: its goals, areas and conditions, the facts of the questions
/// answered yes or not sure, and the affirmed facts of its text. Kept in `Profile::facts`;
/// recomputed by whoever edits those fields.
FactSet affirmed_facts(const Profile& profile, const RuleSet& rules);

/// Resolves raw input against the rules; throws Error (invalid_input) listing every bad value
/// with a "did you mean" where one fits, each Diagnostic naming its field (k_field_...).
Profile make_profile(const ProfileInput& input, const RuleSet& rules);

} // namespace backrelief
