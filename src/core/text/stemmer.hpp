#pragma once

#include <string>
#include <string_view>

namespace backrelief {

/// Snowball English stem of a lower-case word ("knots" -> "knot", "radiating" -> "radiat").
std::string stem(std::string_view word);

} // namespace backrelief
