#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace backrelief {

/// How firm a touch a person prefers, on an ordered scale.
enum class Pressure : std::uint8_t { low, medium, firm };

/// The canonical name: "low", "medium" or "firm".
std::string_view to_string(Pressure pressure);

/// Reads a pressure name or alias (light, moderate, deep, hard, high), ignoring case.
std::optional<Pressure> parse_pressure(std::string_view text);

/// Every accepted spelling, canonical names first, for suggestions and completions.
const std::vector<std::string>& pressure_spellings();

/// A set of pressures, as a rule condition or a technique's range uses it.
class PressureSet {
public:
  /// Adds one pressure to the set.
  void insert(Pressure pressure) { m_bits = static_cast<std::uint8_t>(m_bits | bit(pressure)); }
  /// True when the pressure is in the set.
  [[nodiscard]] bool contains(Pressure pressure) const { return (m_bits & bit(pressure)) != 0; }
  /// True when nothing was added.
  [[nodiscard]] bool empty() const { return m_bits == 0; }
  /// The same pressures, whatever order they were written in.
  bool operator==(const PressureSet&) const = default;
  /// The members, lowest first, joined with " or ".
  [[nodiscard]] std::string describe() const;

private:
  static std::uint8_t bit(Pressure pressure) {
    return static_cast<std::uint8_t>(1U << static_cast<unsigned>(pressure));
  }
  std::uint8_t m_bits = 0;
};

} // namespace backrelief
