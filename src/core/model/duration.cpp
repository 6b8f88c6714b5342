#include "core/model/duration.hpp"

#include <charconv>
#include <cmath>
#include <fmt/format.h>

namespace backrelief {

namespace {
// Nobody has had back pain for longer than a lifetime; larger spans are typos.
constexpr double k_max_weeks = 130.0 * 52.0;

std::optional<double> weeks_per_unit(char unit) {
  switch (unit) {
  case 'd':
  case 'D':
    return 1.0 / 7.0;
  case 'w':
  case 'W':
    return 1.0;
  case 'm':
  case 'M':
    return 52.0 / 12.0;
  case 'y':
  case 'Y':
    return 52.0;
  default:
    return std::nullopt;
  }
}
} // namespace

std::optional<double> parse_duration_weeks(std::string_view text) {
  if (text.size() < 2) {
    return std::nullopt;
  }
  const auto factor = weeks_per_unit(text.back());
  if (!factor) {
    return std::nullopt;
  }
  double amount = 0;
  const char* last = text.data() + text.size() - 1;
  const auto [end, error] = std::from_chars(text.data(), last, amount, std::chars_format::fixed);
  if (error != std::errc{} || end != last || !std::isfinite(amount) || amount < 0) {
    return std::nullopt;
  }
  const double weeks = amount * *factor;
  if (weeks > k_max_weeks) {
    return std::nullopt;
  }
  return weeks;
}

std::string describe_weeks(double weeks) {
  constexpr double k_days_per_week = 7.0;
  constexpr double k_weeks_per_month = 52.0 / 12.0;
  constexpr double k_weeks_per_year = 52.0;
  const auto count = [](double value, std::string_view one, std::string_view many) {
    const auto rounded = static_cast<long long>(std::llround(value));
    return fmt::format("{} {}", rounded, rounded == 1 ? one : many);
  };
  if (!(weeks >= 0)) { // negative or not a number: no span people say
    return fmt::format("{:g} weeks", weeks);
  }
  const double days = weeks * k_days_per_week;
  if (days < 0.5) {
    return "less than a day";
  }
  if (std::llround(days) < 7) {
    return count(days, "day", "days");
  }
  if (weeks < 13) {
    return count(weeks, "week", "weeks");
  }
  if (std::llround(weeks / k_weeks_per_month) < 24) {
    return count(weeks / k_weeks_per_month, "month", "months");
  }
  return count(weeks / k_weeks_per_year, "year", "years");
}

} // namespace backrelief
