#pragma once

#include "core/engine/profile.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace backrelief {

/// The longest batch line accepted, in bytes; a longer one is an error for that line only.
inline constexpr std::size_t k_max_batch_line_bytes = std::size_t{1} << 20U;

/// The list a repeatable key fills (goal and goals, area and areas, condition and conditions,
/// avoid), or nullptr for any other key: one answer for JSON lines and CSV columns.
std::vector<std::string>* repeatable_field(ProfileInput& input, std::string_view key);

/// What a batch line carries for its sender, not for backrelief: echoed in the line's answer or
/// error record, as compact JSON text.
struct BatchLineTags {
  std::optional<std::string> id;   ///< a string or a number, as the sender keys the person
  std::optional<std::string> meta; ///< any JSON object
};

/// Reads one line of `recommend --batch` input: a JSON object whose keys are the long options
/// (pressure, goal, area, condition, avoid, age, duration; the repeatable ones also in the
/// plural, as a string or a list of strings) plus `description`, and `id` and `meta`, which
/// go into `tags` (when given) even when the line is refused for another key. Throws Error
/// (invalid_input) saying what is wrong: invalid JSON with its byte offset, an unknown key with
/// a "did you mean", a value of the wrong type.
ProfileInput parse_batch_line(std::string_view line, BatchLineTags* tags = nullptr);

} // namespace backrelief
