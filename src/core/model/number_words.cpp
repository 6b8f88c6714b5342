#include "core/model/number_words.hpp"

#include <array>

namespace backrelief {

namespace {

const std::array<std::string, 9> k_roles{"count",      "some",   "unit",   "event",  "measure",
                                         "not-an-age", "season", "decade", "age-now"};

} // namespace

std::string_view to_string(NumberRole role) {
  return k_roles[static_cast<std::size_t>(role)];
}

std::optional<NumberRole> parse_number_role(std::string_view text) {
  for (std::size_t i = 0; i < k_roles.size(); ++i) {
    if (k_roles[i] == text) {
      return static_cast<NumberRole>(i);
    }
  }
  return std::nullopt;
}

std::span<const std::string> number_role_names() {
  return k_roles;
}

bool has_values(NumberRole role) {
  return role == NumberRole::count || role == NumberRole::unit || role == NumberRole::decade;
}

} // namespace backrelief
