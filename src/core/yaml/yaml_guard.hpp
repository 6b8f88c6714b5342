#pragma once

#include "core/util/diagnostic.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace backrelief {

/// How much YAML a file may hold: enough for any real rule file, far below what would exhaust
/// time or memory. Bytes alone do not bound either: yaml-cpp spends about 340 bytes and a few
/// microseconds on each node (a value, a list, a mapping), and a short line can hold dozens.
struct YamlLimits {
  std::size_t max_bytes = std::size_t{8} * 1024 * 1024;
  std::size_t max_depth = 64;     ///< nested mappings and lists
  std::size_t max_nodes = 200000; ///< values, lists and mappings, with those of the files before
  std::size_t nodes_before = 0;   ///< nodes in the files already read, which are still held
};

/// What the event walk found: its problem, if any, and how many nodes the document holds.
struct YamlStructure {
  std::vector<Diagnostic> problems;
  std::size_t nodes = 0;
};

/// Checks the raw bytes before yaml-cpp sees them: the size, UTF-8 only (no UTF-16 or UTF-32, no
/// invalid sequences), no NUL or control bytes but tab, line feed and carriage return, and the
/// nesting of flow collections ([ and {), which yaml-cpp would tokenise in full before its own
/// depth guard. Each problem is reported once, at its line and column (columns count bytes).
std::vector<Diagnostic> check_yaml_bytes(const std::string& file, std::string_view text, const YamlLimits& limits);

/// Walks the parser's events without building nodes: one document only, no anchors or aliases
/// (shared nodes could make a walk visit billions of nodes, or loop), nesting and the number of
/// nodes within the limits. Never throws; reports at most one problem.
YamlStructure check_yaml_structure(const std::string& file, const std::string& text, const YamlLimits& limits);

} // namespace backrelief
