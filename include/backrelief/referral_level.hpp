#pragma once

/// @file
/// How soon a person should see a clinician.

#include <backrelief/export.hpp>
#include <cstdint>
#include <string_view>

namespace backrelief {

/// How soon a person should see a clinician, from least to most pressing.
enum class ReferralLevel : std::uint8_t {
  routine,  ///< At the next ordinary appointment; massage may go ahead.
  urgent,   ///< Within a day or two, before any massage.
  emergency ///< Now: emergency care, and no massage.
};

/// The level as rule files and the JSON spell it: "routine", "urgent" or "emergency".
BACKRELIEF_API std::string_view to_string(ReferralLevel level);

} // namespace backrelief
