#pragma once

#include "core/util/diagnostic.hpp"
#include "core/yaml/yaml_guard.hpp"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>
#include <yaml-cpp/yaml.h>

namespace backrelief {

/// One key of a YAML mapping, with the nodes of the key and the value.
struct Field {
  std::string key;
  YAML::Node key_node;
  YAML::Node value;
};

/// The keys of a mapping after checking them against the allowed ones.
class Fields {
public:
  /// The value of a key, or null when the mapping does not have it.
  [[nodiscard]] const YAML::Node* find(std::string_view key) const;
  /// Every key in the order written (duplicates and unknown keys left out).
  [[nodiscard]] const std::vector<Field>& all() const { return m_fields; }
  /// Adds a key; used by the reader.
  void add(Field field) { m_fields.push_back(std::move(field)); }

private:
  std::vector<Field> m_fields;
};

/// Reads one YAML document's nodes strictly, collecting every problem as a diagnostic
/// with its file:line:column instead of stopping at the first.
class YamlReader {
public:
  YamlReader(std::string file, std::vector<Diagnostic>& diagnostics, YamlLimits limits = {})
      : m_file(std::move(file)), m_diagnostics(diagnostics), m_limits(limits) {}

  /// Parses one YAML document (never LoadAll, which can loop on bad input) after the checks of
  /// yaml_guard.hpp; every problem is reported at its position.
  std::optional<YAML::Node> parse(const std::string& text);
  /// How many nodes the text parse() was given holds (as far as it was read, when refused).
  [[nodiscard]] std::size_t nodes() const { return m_nodes; }
  /// The 1-based location of a node.
  [[nodiscard]] SourceLocation where(const YAML::Node& node) const;
  /// Records a problem at a node.
  void error(const YAML::Node& node, std::string message);
  /// Records a problem at a location.
  void error(SourceLocation where, std::string message);

  /// Checks that `node` is a mapping whose keys are unique, known and scalar; reports the
  /// rest and returns the good keys. `what` names the mapping in messages ("a rule").
  std::optional<Fields> mapping(const YAML::Node& node, std::span<const std::string> allowed, std::string_view what);
  /// Reports every required key that `fields` lacks, at `node`; false when one is missing.
  bool require(const Fields& fields, const YAML::Node& node, std::span<const std::string> required,
               std::string_view what);

  /// A scalar as text; `what` names it in messages.
  std::optional<std::string> text(const YAML::Node& node, std::string_view what);
  /// A scalar that must be an identifier: letters, digits, '-', '_' or '.'.
  std::optional<std::string> identifier(const YAML::Node& node, std::string_view what);
  /// A scalar or a sequence of scalars, as a list of text. With `distinct`, a value given twice
  /// (ignoring ASCII case) is an error at the second, which is left out of the list.
  std::optional<std::vector<YAML::Node>> scalar_list(const YAML::Node& node, std::string_view what,
                                                     bool distinct = true);
  /// A decimal number (no octal, hex or special values).
  std::optional<double> number(const YAML::Node& node, std::string_view what);
  /// An integer in decimal.
  std::optional<int> integer(const YAML::Node& node, std::string_view what);
  /// Exactly `true` or `false`.
  std::optional<bool> boolean(const YAML::Node& node, std::string_view what);

  /// The file name diagnostics carry.
  [[nodiscard]] const std::string& file() const { return m_file; }

private:
  std::string m_file;
  std::vector<Diagnostic>& m_diagnostics;
  YamlLimits m_limits;
  std::size_t m_nodes = 0;
};

/// True for a quoted scalar ("3", 'true'), which is text even when it looks like a number.
bool quoted(const YAML::Node& node);

/// A YAML node kind as people say it: "a mapping", "a list", "a scalar", "nothing".
std::string_view describe_node(const YAML::Node& node);

} // namespace backrelief
