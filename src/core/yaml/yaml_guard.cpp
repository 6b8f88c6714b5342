#include "core/yaml/yaml_guard.hpp"

#include "core/yaml/yaml_syntax_hint.hpp"

#include <fmt/format.h>
#include <optional>
#include <sstream>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

namespace backrelief {

namespace {

// Where a byte offset falls, 1-based, counting bytes in the line.
SourceLocation locate(const std::string& file, std::string_view text, std::size_t offset) {
  int line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  return {file, line, static_cast<int>(offset - line_start + 1)};
}

// The length of the valid UTF-8 sequence at `i`, or 0 when it is not one.
std::size_t utf8_length(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t at) { return static_cast<unsigned char>(text[at]); };
  const unsigned char lead = byte(i);
  std::size_t length = 0;
  unsigned min = 0;
  if (lead < 0x80) {
    return 1;
  }
  if ((lead & 0xE0) == 0xC0) {
    length = 2;
    min = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3;
    min = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4;
    min = 0x10000;
  } else {
    return 0;
  }
  if (i + length > text.size()) {
    return 0;
  }
  unsigned code = lead & (0x7FU >> length);
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) {
      return 0;
    }
    code = (code << 6U) | (byte(i + k) & 0x3FU);
  }
  // Overlong forms, surrogates and code points past Unicode are not UTF-8.
  if (code < min || (code >= 0xD800 && code <= 0xDFFF) || code > 0x10FFFF) {
    return 0;
  }
  return length;
}

std::string_view other_encoding(std::string_view text) {
  if (text.starts_with(std::string_view("\x00\x00\xFE\xFF", 4)) ||
      text.starts_with(std::string_view("\xFF\xFE\x00\x00", 4))) {
    return "UTF-32";
  }
  if (text.starts_with("\xFE\xFF") || text.starts_with("\xFF\xFE") ||
      (text.size() >= 2 && (text[0] == '\0' || text[1] == '\0'))) {
    return "UTF-16";
  }
  return {};
}

// True where a quote or bracket would start a token: after a space or a line break, or after a
// flow indicator inside a flow collection ("x[[" is text, "[[" nests).
bool token_start(std::string_view text, std::size_t i, std::size_t depth) {
  if (i == 0) {
    return true;
  }
  const char before = text[i - 1];
  if (before == '[' || before == '{' || before == ',') {
    return depth > 0;
  }
  return before == ' ' || before == '\t' || before == '\n' || before == '\r' || before == ':' || before == '-';
}

// Counts the nesting of [ and { outside quotes and comments. An unquoted bracket inside plain
// text ("see [1]") also counts; only a text with dozens of them unclosed could be refused.
std::optional<std::size_t> too_deep_flow(std::string_view text, std::size_t max_depth) {
  std::size_t depth = 0;
  char quote = 0;
  bool comment = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (comment) {
      comment = c != '\n';
      continue;
    }
    if (quote == '"') {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        quote = 0;
      }
      continue;
    }
    if (quote == '\'') {
      if (c == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
        ++i;
      } else if (c == '\'') {
        quote = 0;
      }
      continue;
    }
    if (c == '#' && (i == 0 || text[i - 1] == ' ' || text[i - 1] == '\t' || text[i - 1] == '\n')) {
      comment = true;
    } else if ((c == '"' || c == '\'') && token_start(text, i, depth)) {
      quote = c;
    } else if ((c == '[' || c == '{') && token_start(text, i, depth)) {
      if (++depth > max_depth) {
        return i;
      }
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return std::nullopt;
}

// Stops the parser at the first thing a rule file must not hold.
struct Refusal {
  YAML::Mark mark;
  std::string message;
};

class StructureCheck : public YAML::EventHandler {
public:
  explicit StructureCheck(const YamlLimits& limits) : m_limits(limits) {}

  [[nodiscard]] std::size_t nodes() const { return m_nodes; }

  void OnDocumentStart(const YAML::Mark& mark) override {
    if (++m_documents > 1) {
      throw Refusal{mark, "a second YAML document: a file holds one document, so remove the '---' or '...' "
                          "before this"};
    }
  }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    check_anchor(mark, anchor);
    count(mark);
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t /*anchor*/) override {
    throw Refusal{mark, "aliases (*name) are not allowed: write the value out in full"};
  }
  void OnScalar(const YAML::Mark& mark, const std::string& /*tag*/, YAML::anchor_t anchor,
                const std::string& /*value*/) override {
    check_anchor(mark, anchor);
    count(mark);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string& /*tag*/, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value /*style*/) override {
    open(mark, anchor);
  }
  void OnSequenceEnd() override { --m_depth; }
  void OnMapStart(const YAML::Mark& mark, const std::string& /*tag*/, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value /*style*/) override {
    open(mark, anchor);
  }
  void OnMapEnd() override { --m_depth; }

private:
  static void check_anchor(const YAML::Mark& mark, YAML::anchor_t anchor) {
    if (anchor != YAML::NullAnchor) {
      throw Refusal{mark, "anchors (&name) are not allowed: write each value out in full"};
    }
  }

  void open(const YAML::Mark& mark, YAML::anchor_t anchor) {
    check_anchor(mark, anchor);
    count(mark);
    if (++m_depth > m_limits.max_depth) {
      throw Refusal{mark, fmt::format("nested more than {} levels deep", m_limits.max_depth)};
    }
  }

  void count(const YAML::Mark& mark) {
    if (m_limits.nodes_before + ++m_nodes <= m_limits.max_nodes) {
      return;
    }
    if (m_limits.nodes_before == 0) {
      throw Refusal{mark, fmt::format("more than {} YAML nodes (values, lists and mappings) in one file; split the "
                                      "rules into smaller files, or load fewer",
                                      m_limits.max_nodes)};
    }
    throw Refusal{mark, fmt::format("more than {} YAML nodes (values, lists and mappings) in the rule files together "
                                    "({} in the files before this one): every file's YAML is held until all are "
                                    "read, so load fewer or smaller files",
                                    m_limits.max_nodes, m_limits.nodes_before)};
  }

  const YamlLimits& m_limits;
  std::size_t m_depth = 0;
  std::size_t m_nodes = 0;
  std::size_t m_documents = 0;
};

std::vector<Diagnostic> problem(SourceLocation where, std::string message) {
  std::vector<Diagnostic> problems;
  problems.push_back(Diagnostic{std::move(where), std::move(message)});
  return problems;
}

} // namespace

std::vector<Diagnostic> check_yaml_bytes(const std::string& file, std::string_view text, const YamlLimits& limits) {
  if (text.size() > limits.max_bytes) {
    return problem({file, 0, 0}, fmt::format("larger than {} bytes ({} bytes); split it into smaller files",
                                             limits.max_bytes, text.size()));
  }
  if (const std::string_view encoding = other_encoding(text); !encoding.empty()) {
    return problem({file, 1, 1}, fmt::format("the file looks like {} text: save it as UTF-8", encoding));
  }
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r') {
      return problem(locate(file, text, i),
                     byte == 0 ? std::string("a NUL byte: this is not a text file")
                               : fmt::format("a control character (byte 0x{:02X}) is not allowed", byte));
    }
    if (byte == 0x7F) {
      return problem(locate(file, text, i), "a control character (byte 0x7F) is not allowed");
    }
    const std::size_t length = utf8_length(text, i);
    if (length == 0) {
      return problem(locate(file, text, i), fmt::format("invalid UTF-8 (byte 0x{:02X}): save the file as UTF-8", byte));
    }
    i += length;
  }
  if (const auto at = too_deep_flow(text, limits.max_depth)) {
    return problem(locate(file, text, *at), fmt::format("brackets nested more than {} levels deep", limits.max_depth));
  }
  return {};
}

YamlStructure check_yaml_structure(const std::string& file, const std::string& text, const YamlLimits& limits) {
  StructureCheck check(limits);
  try {
    std::istringstream stream(text);
    YAML::Parser parser(stream);
    // At most two documents are asked for: never a loop like LoadAll's, which can spin on bad input.
    if (parser.HandleNextDocument(check)) {
      parser.HandleNextDocument(check);
    }
  } catch (const Refusal& refusal) {
    return {problem({file, refusal.mark.line + 1, refusal.mark.column + 1}, refusal.message), check.nodes()};
  } catch (const YAML::Exception& error) {
    return {{explain_yaml_syntax(file, text, error.mark.line + 1, error.mark.column + 1, error.msg)}, check.nodes()};
  }
  return {{}, check.nodes()};
}

} // namespace backrelief
