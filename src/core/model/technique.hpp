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
  /// How it is done (deep-pressure, gliding-strokes...): rules written against a trait reach
  /// every technique that has it, so a new technique inherits the shipped contraindications.
  std::vector<std::string> traits;
  SourceLocation origin; ///< where it was defined
};

/// A way of working that rules may name instead of a technique, as in `exclude: [deep-pressure]`.
struct Trait {
  std::string id;   ///< e.g. "deep-pressure"
  std::string name; ///< what it means, e.g. "deep, sustained pressure"
  SourceLocation origin;
};

} // namespace backrelief
