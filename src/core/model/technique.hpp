#pragma once

#include "core/model/pressure.hpp"
#include "core/util/diagnostic.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace backrelief {

/// Index of a technique in its rule set, in declaration order.
using TechniqueId = std::uint16_t;

/// A massage technique as the rule files describe it.
struct Technique {
  std::string id;                         ///< stable identifier, e.g. "deep-tissue"
  std::string name;                       ///< what people call it, e.g. "Deep tissue massage"
  std::vector<std::string> aliases;       ///< other accepted identifiers, e.g. "nmt"
  std::string summary;                    ///< one line on what it is
  Pressure pressure_min = Pressure::low;  ///< the lightest pressure it is given with
  Pressure pressure_max = Pressure::firm; ///< the firmest pressure it is given with
  std::vector<std::string> aftercare;     ///< what to do after a session
  SourceLocation origin;                  ///< where it was defined
};

} // namespace backrelief
