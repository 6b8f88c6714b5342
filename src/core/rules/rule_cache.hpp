#pragma once

#include "core/rules/rule_loader.hpp"
#include "core/rules/rule_set.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace backrelief {

/// What a cached rule set is valid for: the name and text of every source in order, and the
/// program that wrote it (`build`, e.g. its version and the binary's size and time). 32 hex digits.
std::string rule_cache_key(const std::vector<RuleSource>& sources, std::string_view build);

/// A loaded rule set in a compact binary form that carries `key` and a checksum of itself.
std::string serialize_rule_set(const RuleSet& rules, std::string_view key);

/// The rule set read back from serialize_rule_set()'s output, or nothing when the data is not
/// a whole, undamaged cache written for `key` (truncated, corrupted, another version, other files).
/// Never throws on bad data.
std::optional<RuleSet> deserialize_rule_set(std::string_view data, std::string_view key);

/// The checksum a cache carries of its payload (the bytes after the header); for tests.
std::uint64_t rule_cache_checksum(std::string_view payload);

} // namespace backrelief
