#include "core/model/duration.hpp"

#include <charconv>
#include <cmath>

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

} // namespace backrelief
