#pragma once

#include "core/util/diagnostic.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace backrelief {

/// What a word says about the numbers around it when a description is read: a count ("three"),
/// a count that only says "some" ("a few"), a unit of time ("months"), an event whose time is
/// when it happened rather than how long the pain lasted ("surgery"), a measure that makes a
/// number no age ("stone"), a word after "I'm" and a number that makes it no age ("minutes"), or
/// a season ("last winter").
enum class NumberRole : std::uint8_t { count, some, unit, event, measure, not_an_age, season, decade, age_now };

/// The words of one role, as written in a rule file's `number-words`.
struct NumberWords {
  NumberRole role = NumberRole::count;
  std::vector<std::string> words;
  std::vector<double> values; ///< a count's number, a unit's weeks; empty for the other roles
  std::vector<SourceLocation> word_where;
  SourceLocation where;
};

/// The spelling used in rule files: "count", "some", "unit", "event", "measure", "not-an-age", "season",
/// "decade", "age-now".
std::string_view to_string(NumberRole role);
std::optional<NumberRole> parse_number_role(std::string_view text);
std::span<const std::string> number_role_names();
/// True for the roles whose words carry a value (count: a number; unit: a span of time).
bool has_values(NumberRole role);

} // namespace backrelief
