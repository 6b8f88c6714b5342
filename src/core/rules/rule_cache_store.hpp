#pragma once

#include "core/rules/rule_loader.hpp"
#include "core/rules/rule_set.hpp"

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace backrelief {

/// The directory of compiled rule sets (backrelief(1), FILES): one file per list of rule paths,
/// read back instead of parsing when the files and the program are the same as when it was
/// written (rule_cache.hpp's key), written atomically after a parse, the most recent few kept.
/// Every problem with the cache is a miss, never an error: the rules are parsed instead.
class RuleCacheStore {
public:
  /// A store in `directory` (created when first written) for the program `build` (its version,
  /// and what tells one binary from another).
  RuleCacheStore(std::filesystem::path directory, std::string build)
      : m_directory(std::move(directory)), m_build(std::move(build)) {}

  /// The rule set of `sources`: from the cache when fresh, else parsed and then cached.
  /// Throws Error (invalid_rules) as load_rules() does.
  [[nodiscard]] RuleSet load(const std::vector<RuleSource>& sources, const RuleLimits& limits) const;

  /// The cache files kept after a write; older ones are removed.
  static constexpr std::size_t k_kept_files = 16;
  /// An entry is a few times the size of its rule files; far larger is no entry of ours.
  static constexpr std::size_t k_max_entry_bytes_per_source_byte = 64;
  static constexpr std::size_t k_entry_headroom = std::size_t{1} << 20U;
  /// A temporary older than this was left by a writer that was killed.
  static constexpr std::chrono::minutes k_stale_temporary_age{10};

private:
  [[nodiscard]] std::filesystem::path file_for(const std::vector<RuleSource>& sources) const;
  void store(const std::filesystem::path& file, const RuleSet& rules, const std::string& key) const;
  void prune() const;

  std::filesystem::path m_directory;
  std::string m_build;
};

} // namespace backrelief
