#pragma once

#include "core/model/question.hpp"

#include <string>
#include <vector>

namespace backrelief {

class RuleSet;
struct Profile;

/// Where each warning sign the rules ask about stands for one person: what a clinician would
/// still have to ask, and what the safety net lists.
struct Screening {
  std::vector<const Question*> reported;      ///< affirmed by the description, an option or a yes
  std::vector<const Question*> denied;        ///< the description says no ("no numbness") or a no answer
  std::vector<const Question*> not_mentioned; ///< neither: asked, imagined, someone else's or long past counts here
  /// The signs not mentioned whose hints the person's own words raised: to ask before suggesting.
  std::vector<const Question*> possible;
};

/// Sorts every warning-sign question of the rules, in their order, by what the profile says.
/// A sign reported anywhere is reported, even when the person also denied it elsewhere.
Screening screen(const RuleSet& rules, const Profile& profile);

/// The words of the description that raised a question's hints, as written, in text order.
std::vector<std::string> hint_words(const Question& question, const Profile& profile);

} // namespace backrelief
