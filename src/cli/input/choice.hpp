#pragma once

#include "core/util/edit_distance.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <string>
#include <vector>

namespace backrelief::cli {

/// A CLI11 transform that accepts one of `names` (ignoring case) and normalises it to lower
/// case; anything else fails with the list of choices and a "did you mean".
inline CLI::Validator choice(std::vector<std::string> names) {
  const std::string description = fmt::format("{}", fmt::join(names, "|"));
  return {[names](std::string& value) -> std::string {
            std::string lowered = value;
            std::transform(lowered.begin(), lowered.end(), lowered.begin(),
                           [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
            if (std::find(names.begin(), names.end(), lowered) != names.end()) {
              value = lowered;
              return {};
            }
            return fmt::format("unknown value '{}': expected {}{}", value, fmt::join(names, ", "),
                               did_you_mean(lowered, names));
          },
          description};
}

} // namespace backrelief::cli
