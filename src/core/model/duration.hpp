#pragma once

#include <optional>
#include <string_view>

namespace backrelief {

/// Reads a span such as "10d", "3w", "6m" or "2y" as a number of weeks.
std::optional<double> parse_duration_weeks(std::string_view text);

/// Weeks from which back pain counts as chronic.
inline constexpr double k_chronic_weeks = 12.0;

} // namespace backrelief
