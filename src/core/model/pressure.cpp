#include "core/model/pressure.hpp"

#include "core/util/text_case.hpp"

#include <array>
#include <utility>

namespace backrelief {

namespace {
constexpr std::array<std::pair<std::string_view, Pressure>, 8> k_spellings{{
    {"low", Pressure::low},
    {"medium", Pressure::medium},
    {"firm", Pressure::firm},
    {"light", Pressure::low},
    {"moderate", Pressure::medium},
    {"deep", Pressure::firm},
    {"hard", Pressure::firm},
    {"high", Pressure::firm},
}};
} // namespace

std::string_view to_string(Pressure pressure) {
  switch (pressure) {
  case Pressure::low:
    return "low";
  case Pressure::medium:
    return "medium";
  case Pressure::firm:
    return "firm";
  }
  return "?";
}

std::optional<Pressure> parse_pressure(std::string_view text) {
  const std::string lowered = to_lower(text);
  for (const auto& [spelling, pressure] : k_spellings) {
    if (lowered == spelling) {
      return pressure;
    }
  }
  return std::nullopt;
}

const std::vector<std::string>& pressure_spellings() {
  static const std::vector<std::string> spellings = [] {
    std::vector<std::string> all;
    all.reserve(k_spellings.size());
    for (const auto& entry : k_spellings) {
      all.emplace_back(entry.first);
    }
    return all;
  }();
  return spellings;
}

std::string PressureSet::describe() const {
  std::string text;
  for (Pressure pressure : {Pressure::low, Pressure::medium, Pressure::firm}) {
    if (contains(pressure)) {
      if (!text.empty()) {
        text += " or ";
      }
      text += to_string(pressure);
    }
  }
  return text;
}

} // namespace backrelief
