#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace backrelief {

/// Edit distance between two strings in bytes, counting a swap of neighbours as one edit.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate closest to `word` when it is close enough to be a likely typo.
std::optional<std::string> closest_match(std::string_view word, std::span<const std::string> candidates);

/// " (did you mean 'x'?)" when a close candidate exists, otherwise an empty string.
std::string did_you_mean(std::string_view word, std::span<const std::string> candidates);

} // namespace backrelief
