#pragma once

/// @file
/// A person's situation as given, in words, before it is checked against the rules.

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace backrelief {

/// A person's situation as given: every value is a word the rules define (`backrelief values`
/// lists them), checked when the profile is used; a bad one is an Error naming its field.
struct ProfileInput {
  /// What the person wrote about their pain, in their own words; may be empty.
  std::string description;
  /// The pressure they prefer: "low", "medium" or "firm" (and the rules' aliases: "light", "deep"...).
  std::optional<std::string> pressure;
  /// What they hope for ("relaxation", "mobility", "trigger-points"...).
  std::vector<std::string> goals;
  /// Where it hurts ("lower-back", "upper-back", "neck"...).
  std::vector<std::string> areas;
  /// What they live with ("blood-thinners", "osteoporosis", "pregnancy"...).
  std::vector<std::string> conditions;
  /// Techniques they do not want, by id or alias.
  std::vector<std::string> avoid;
  /// Their age in years.
  std::optional<int> age;
  /// How long the pain has lasted: a number and a unit, as "10d", "3w", "6m" or "2y".
  std::optional<std::string> duration;
  /// The pain on a 0-10 scale.
  std::optional<double> intensity;
  /// Answers to warning-sign questions: a question id and "yes", "no" or "not sure".
  std::vector<std::pair<std::string, std::string>> answers;
  /// The year the description is read in, to date "in 2019"; 0 leaves such dates unread.
  /// Programs pass this year, as the command does.
  int year = 0;
};

} // namespace backrelief
