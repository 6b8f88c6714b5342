#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace backrelief {

/// Reads a span such as "10d", "3w", "6m" or "2y" as a number of weeks.
std::optional<double> parse_duration_weeks(std::string_view text);

/// A number of weeks as people say it, rounded to the unit that suits it: "less than a day",
/// "1 day", "3 days" (under a week), "5 weeks" (under 13 weeks), "8 months" (under two years),
/// "2 years"; "1.5 years" never, "0.43w" never.
std::string describe_weeks(double weeks);

/// Weeks from which back pain counts as chronic.
inline constexpr double k_chronic_weeks = 12.0;

} // namespace backrelief
