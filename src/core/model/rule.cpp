#include "core/model/rule.hpp"

namespace backrelief {

std::string_view to_string(ReferralLevel level) {
  switch (level) {
  case ReferralLevel::routine:
    return "routine";
  case ReferralLevel::urgent:
    return "urgent";
  case ReferralLevel::emergency:
    return "emergency";
  }
  return "?";
}

std::optional<ReferralLevel> parse_referral_level(std::string_view text) {
  for (ReferralLevel level : {ReferralLevel::routine, ReferralLevel::urgent, ReferralLevel::emergency}) {
    if (to_string(level) == text) {
      return level;
    }
  }
  return std::nullopt;
}

std::string_view default_referral_advice(ReferralLevel level) {
  switch (level) {
  case ReferralLevel::emergency:
    return "Some of what you describe can be a sign of a condition that needs medical care now: "
           "call emergency services or go to the emergency department. Do not book a massage.";
  case ReferralLevel::urgent:
    return "Some of what you describe can be a sign of a condition that needs a medical check before "
           "any massage: please see a doctor today.";
  case ReferralLevel::routine:
    return "Some of what you describe is worth a check: please see a doctor or physiotherapist; "
           "massage may follow once they agree.";
  }
  return {};
}

} // namespace backrelief
