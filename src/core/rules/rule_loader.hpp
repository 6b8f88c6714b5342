#pragma once

#include "core/rules/rule_set.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace backrelief {

/// One rule file's text and the name to report it by.
struct RuleSource {
  std::string name; ///< a path, or "<stdin>"
  std::string text;
};

/// How much a rule set may hold, so hostile files fail fast instead of exhausting the machine.
struct RuleLimits {
  std::size_t max_file_bytes = std::size_t{8} * 1024 * 1024;  ///< per file
  std::size_t max_total_bytes = std::size_t{8} * 1024 * 1024; ///< all files together: their YAML is held at once
  std::size_t max_rules = 100000;                             ///< in all files together
  /// YAML nodes (values, lists, mappings) in all files together: what their trees cost in time
  /// and memory, whatever the bytes (the shipped rules hold about 11,000).
  std::size_t max_yaml_nodes = 200000;
  /// Distinct words, phrase steps, pattern elements and patterns: what the compiled vocabulary
  /// costs, however few nodes or bytes wrote it ("a a a a ..." is one node).
  std::size_t max_vocabulary_entries = Vocabulary::k_default_max_entries;
  /// Where WordNet is read from when a word set names a sense: where Debian's wordnet-base puts it.
  std::filesystem::path wordnet_directory = "/usr/share/wordnet";
};

/// Whether a directory's entry is read as a rule (or scenario) file: `*.yaml` or `*.yml`.
bool is_rule_file_name(const std::filesystem::path& path);

/// Reads a regular file, or every `*.yaml` and `*.yml` file of a directory in name order. Throws
/// Error (io) naming the path when it does not exist, is not a regular file (a FIFO, a device),
/// is larger than the limit, cannot be read, or is a directory without such files.
std::vector<RuleSource> read_rule_sources(const std::filesystem::path& path, const RuleLimits& limits = {});

/// Parses and validates rule sources in order into one rule set, refusing hostile YAML (see
/// backrelief-rules(5), LIMITS). Throws Error (invalid_rules) carrying every problem of every source.
RuleSet load_rules(const std::vector<RuleSource>& sources, const RuleLimits& limits = {});

/// The rule-file format version this library reads.
inline constexpr int k_rules_format_version = 1;

} // namespace backrelief
