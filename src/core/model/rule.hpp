#pragma once

#include "core/model/condition.hpp"
#include "core/model/technique.hpp"
#include "core/util/diagnostic.hpp"

#include <backrelief/referral_level.hpp>

#include <optional>
#include <string>
#include <vector>

namespace backrelief {

/// Reads a referral level as rule files spell it.
std::optional<ReferralLevel> parse_referral_level(std::string_view text);

/// The advice given for a level when a rule does not supply its own.
std::string_view default_referral_advice(ReferralLevel level);

/// A change of one technique's score.
struct Weight {
  TechniqueId technique = 0;
  double value = 0;
};

/// A note to show alongside one technique.
struct Caution {
  TechniqueId technique = 0;
  std::string text;
};

/// A rule's referral effect.
struct Referral {
  ReferralLevel level = ReferralLevel::routine;
  std::string advice; ///< empty: use the level's default advice
};

/// One rule, converted from YAML into plain data once at load time.
struct Rule {
  std::string id;
  Condition when;                    ///< an empty `all` when the rule always applies
  std::vector<Weight> weights;       ///< score changes
  std::vector<TechniqueId> excludes; ///< hard vetoes
  std::vector<Caution> cautions;     ///< notes per technique
  std::optional<Referral> referral;  ///< see a clinician
  std::string advice;                ///< a general line of advice, empty for none
  std::string because;               ///< the sentence a person reads
  std::string source;                ///< a citation, may be empty
  SourceLocation origin;             ///< where the rule starts
};

} // namespace backrelief
