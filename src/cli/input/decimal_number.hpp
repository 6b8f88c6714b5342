#pragma once

#include <CLI/CLI.hpp>
#include <algorithm>
#include <fmt/format.h>
#include <string>

namespace backrelief::cli {

/// A CLI11 transform that lets through a number written in decimal, as the config file, scenario
/// files and batch lines read it: "072" is 72, where CLI11 alone would read it as octal 58 and
/// "0x48" as 72. `what` names the number in the message ("a whole number of years"); with
/// `fraction` a decimal point is allowed ("6.5").
/// With `low` and `high`, a whole number outside them fails too, with the same words.
inline CLI::Validator decimal_number(std::string what, bool fraction = false, unsigned long long low = 0,
                                     unsigned long long high = 0) {
  return {[what, fraction, low, high](std::string& value) -> std::string {
            const auto digit = [](char c) { return c >= '0' && c <= '9'; };
            const std::size_t point = value.find('.');
            const bool has_point = fraction && point != std::string::npos;
            const std::string whole = has_point ? value.substr(0, point) : value;
            const std::string part = has_point ? value.substr(point + 1) : std::string{};
            const bool good = !whole.empty() && std::all_of(whole.begin(), whole.end(), digit) &&
                              (!has_point || (!part.empty() && std::all_of(part.begin(), part.end(), digit)));
            if (!good) {
              return fmt::format("expected {} in decimal digits, found '{}'", what, value);
            }
            const std::size_t zeros = std::min(whole.find_first_not_of('0'), whole.size() - 1);
            value.erase(0, zeros); // "072" is 72, not octal
            if (high != 0 && !has_point) {
              const bool too_long = value.size() > 19; // beyond any limit written here, and unsigned long long
              const unsigned long long number = too_long ? 0 : std::stoull(value);
              if (too_long || number < low || number > high) {
                return fmt::format("expected {}, found '{}'", what, value);
              }
            }
            return {};
          },
          std::string{}}; // --help shows the option's own placeholder (YEARS), not this description
}

} // namespace backrelief::cli
