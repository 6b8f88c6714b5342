#pragma once

#include <algorithm>
#include <string>
#include <string_view>

namespace backrelief {

/// ASCII lower-casing: identifiers in rule files and options are ASCII.
inline std::string to_lower(std::string_view text) {
  std::string lowered(text);
  std::transform(lowered.begin(), lowered.end(), lowered.begin(),
                 [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; });
  return lowered;
}

} // namespace backrelief
