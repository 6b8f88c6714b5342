#include "core/yaml/yaml_reader.hpp"

#include "core/yaml/yaml_guard.hpp"
#include "core/yaml/yaml_syntax_hint.hpp"

#include "core/util/edit_distance.hpp"
#include "core/util/text_case.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fmt/format.h>

namespace backrelief {

const YAML::Node* Fields::find(std::string_view key) const {
  for (const Field& field : m_fields) {
    if (field.key == key) {
      return &field.value;
    }
  }
  return nullptr;
}

std::string_view describe_node(const YAML::Node& node) {
  switch (node.Type()) {
  case YAML::NodeType::Map:
    return "a mapping";
  case YAML::NodeType::Sequence:
    return "a list";
  case YAML::NodeType::Scalar:
    return "a scalar";
  default:
    return "nothing";
  }
}

namespace {
// An optional sign, digits, and an optional fraction of digits: nothing YAML 1.1 would read
// differently (no octal 042, no .5, no 1e3, no inf or nan).
bool plain_decimal(std::string_view text) {
  if (!text.empty() && (text.front() == '-' || text.front() == '+')) {
    text.remove_prefix(1);
  }
  const auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
  const std::size_t point = text.find('.');
  const std::string_view whole = text.substr(0, point);
  const std::string_view fraction = point == std::string_view::npos ? std::string_view{} : text.substr(point + 1);
  const bool octal_looking = whole.size() > 1 && whole.front() == '0';
  return !whole.empty() && !octal_looking && std::all_of(whole.begin(), whole.end(), is_digit) &&
         (point == std::string_view::npos ||
          (!fraction.empty() && std::all_of(fraction.begin(), fraction.end(), is_digit)));
}
} // namespace

bool quoted(const YAML::Node& node) {
  // yaml-cpp tags a quoted scalar "!" and a plain one "?": "3" is text, 3 is a number.
  return node.Tag() == "!";
}

std::optional<YAML::Node> YamlReader::parse(const std::string& text) {
  // Hostile input is refused before yaml-cpp builds anything from it.
  auto problems = check_yaml_bytes(m_file, text, m_limits);
  if (problems.empty()) {
    YamlStructure structure = check_yaml_structure(m_file, text, m_limits);
    problems = std::move(structure.problems);
    m_nodes = structure.nodes;
  }
  if (!problems.empty()) {
    m_diagnostics.insert(m_diagnostics.end(), problems.begin(), problems.end());
    return std::nullopt;
  }
  try {
    return YAML::Load(text);
  } catch (const YAML::Exception& problem) {
    m_diagnostics.push_back(
        explain_yaml_syntax(m_file, text, problem.mark.line + 1, problem.mark.column + 1, problem.msg));
    return std::nullopt;
  }
}

SourceLocation YamlReader::where(const YAML::Node& node) const {
  const YAML::Mark mark = node.Mark();
  if (mark.is_null()) {
    return {m_file, 0, 0};
  }
  return {m_file, mark.line + 1, mark.column + 1};
}

void YamlReader::error(const YAML::Node& node, std::string message) {
  error(where(node), std::move(message));
}

void YamlReader::error(SourceLocation location, std::string message) {
  m_diagnostics.push_back({std::move(location), std::move(message)});
}

std::optional<Fields> YamlReader::mapping(const YAML::Node& node, std::span<const std::string> allowed,
                                          std::string_view what) {
  if (!node.IsMap()) {
    error(node, fmt::format("expected {} (a mapping of keys to values), found {}{}", what, describe_node(node),
                            node.IsScalar() ? missing_space_hint(node.Scalar()) : std::string()));
    return std::nullopt;
  }
  Fields fields;
  for (auto it = node.begin(); it != node.end(); ++it) {
    const YAML::Node key_node = it->first; // a copy: the iterator hands out temporaries
    if (!key_node.IsScalar()) {
      error(key_node, fmt::format("expected a plain key in {}, found {}", what, describe_node(key_node)));
      continue;
    }
    const std::string& key = key_node.Scalar();
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      error(key_node, fmt::format("unknown key '{}' in {}{}", key, what, did_you_mean(key, allowed)));
      continue;
    }
    // yaml-cpp keeps duplicate keys silently and returns the first: refuse them instead.
    auto earlier =
        std::find_if(fields.all().begin(), fields.all().end(), [&key](const Field& field) { return field.key == key; });
    if (earlier != fields.all().end()) {
      error(key_node, fmt::format("duplicate key '{}' in {} (first given at {})", key, what,
                                  to_string(where(earlier->key_node))));
      continue;
    }
    fields.add(Field{key, key_node, it->second});
  }
  return fields;
}

bool YamlReader::require(const Fields& fields, const YAML::Node& node, std::span<const std::string> required,
                         std::string_view what) {
  bool complete = true;
  for (const std::string& key : required) {
    if (fields.find(key) == nullptr) {
      error(node, fmt::format("{} needs the key '{}'", what, key));
      complete = false;
    }
  }
  return complete;
}

std::optional<std::string> YamlReader::text(const YAML::Node& node, std::string_view what) {
  if (!node.IsScalar() || node.Scalar().empty()) {
    error(node, fmt::format("expected {} as text, found {}", what,
                            node.IsScalar() ? std::string_view{"an empty string"} : describe_node(node)));
    return std::nullopt;
  }
  // An escape in double quotes ("\e", "\x1b", "\a") is a control character only once read: a text
  // reaches terminals and tab-separated output, where one could clear the screen or split a row.
  const std::string& scalar = node.Scalar();
  for (std::size_t i = 0; i < scalar.size(); ++i) {
    const auto byte = static_cast<unsigned char>(scalar[i]);
    const bool c1 = byte == 0xC2 && i + 1 < scalar.size() && static_cast<unsigned char>(scalar[i + 1]) < 0xA0;
    if ((byte < 0x20 && byte != '\t' && byte != '\n') || byte == 0x7F || c1) {
      const unsigned code = c1 ? static_cast<unsigned char>(scalar[i + 1]) : byte;
      error(node, fmt::format("a control character (U+{:04X}) in {}: write the text without it", code, what));
      return std::nullopt;
    }
  }
  return scalar;
}

std::optional<std::string> YamlReader::identifier(const YAML::Node& node, std::string_view what) {
  auto value = text(node, what);
  if (!value) {
    return std::nullopt;
  }
  const auto valid = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
           c == '.';
  };
  if (!std::all_of(value->begin(), value->end(), valid) || value->front() == '-' || value->front() == '.') {
    error(node, fmt::format("{} '{}' is not an identifier: use letters, digits, '-', '_' and '.', "
                            "starting with a letter or digit",
                            what, *value));
    return std::nullopt;
  }
  return value;
}

std::optional<std::vector<YAML::Node>> YamlReader::scalar_list(const YAML::Node& node, std::string_view what,
                                                               bool distinct) {
  if (node.IsScalar()) {
    return std::vector<YAML::Node>{node};
  }
  if (!node.IsSequence()) {
    error(node, fmt::format("expected {} as a value or a list of values, found {}", what, describe_node(node)));
    return std::nullopt;
  }
  std::vector<YAML::Node> items;
  std::vector<std::string> folded; // of the items so far: a value given twice is a slip
  bool good = true;
  for (const YAML::Node& item : node) {
    if (!item.IsScalar()) {
      error(item, fmt::format("expected each of {} to be a value, found {}", what, describe_node(item)));
      good = false;
      continue;
    }
    std::string key = to_lower(item.Scalar());
    if (const auto same = std::find(folded.begin(), folded.end(), key); distinct && same != folded.end()) {
      // An error, but the list stands without the second: what refers to its owner still finds it.
      const SourceLocation first = where(items[static_cast<std::size_t>(same - folded.begin())]);
      error(item, fmt::format("'{}' is in this list twice (first at {}:{}): give each value once", item.Scalar(),
                              first.line, first.column));
      continue;
    }
    folded.push_back(std::move(key));
    items.push_back(item);
  }
  if (!good) {
    return std::nullopt;
  }
  return items;
}

std::optional<double> YamlReader::number(const YAML::Node& node, std::string_view what) {
  auto value = text(node, what);
  if (!value) {
    return std::nullopt;
  }
  const std::string& digits = *value;
  double result = 0;
  if (quoted(node) || !plain_decimal(digits)) {
    error(node, fmt::format("expected {} as a decimal number, found '{}'", what, digits));
    return std::nullopt;
  }
  const char* first = digits.data() + (digits.front() == '+' ? 1 : 0);
  const auto [end, ec] = std::from_chars(first, digits.data() + digits.size(), result, std::chars_format::fixed);
  if (ec != std::errc{} || end != digits.data() + digits.size() || !std::isfinite(result)) {
    error(node, fmt::format("expected {} as a decimal number, found '{}'", what, digits));
    return std::nullopt;
  }
  return result;
}

std::optional<int> YamlReader::integer(const YAML::Node& node, std::string_view what) {
  if (node.IsScalar() && node.Scalar().find('.') != std::string::npos) {
    error(node, fmt::format("expected {} as a whole number, found '{}'", what, node.Scalar()));
    return std::nullopt;
  }
  auto value = number(node, what);
  if (!value) {
    return std::nullopt;
  }
  constexpr double k_limit = 1e9; // far beyond any age, weight or count a rule needs
  if (*value < -k_limit || *value > k_limit || *value != static_cast<double>(static_cast<int>(*value))) {
    error(node, fmt::format("expected {} as a whole number, found '{}'", what, node.Scalar()));
    return std::nullopt;
  }
  return static_cast<int>(*value);
}

std::optional<bool> YamlReader::boolean(const YAML::Node& node, std::string_view what) {
  if (node.IsScalar() && !quoted(node) && node.Scalar() == "true") {
    return true;
  }
  if (node.IsScalar() && !quoted(node) && node.Scalar() == "false") {
    return false;
  }
  error(node, fmt::format("expected {} as true or false, found {}", what,
                          node.IsScalar() ? fmt::format("'{}'", node.Scalar()) : std::string(describe_node(node))));
  return std::nullopt;
}

} // namespace backrelief
