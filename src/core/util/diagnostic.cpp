#include "core/util/diagnostic.hpp"

#include <fmt/format.h>

namespace backrelief {

std::string to_string(const SourceLocation& where) {
  if (where.line <= 0) {
    return where.file;
  }
  if (where.column <= 0) {
    return fmt::format("{}:{}", where.file, where.line);
  }
  return fmt::format("{}:{}:{}", where.file, where.line, where.column);
}

std::string to_string(const Diagnostic& diagnostic) {
  std::string text =
      diagnostic.field.empty() ? diagnostic.message : fmt::format("{}: {}", diagnostic.field, diagnostic.message);
  if (diagnostic.where.file.empty()) {
    return text;
  }
  return fmt::format("{}: {}", to_string(diagnostic.where), text);
}

namespace {
std::string summarise(const std::vector<Diagnostic>& diagnostics) {
  if (diagnostics.empty()) {
    return "unknown error";
  }
  return to_string(diagnostics.front());
}
} // namespace

Error::Error(ErrorKind kind, std::vector<Diagnostic> diagnostics)
    : std::runtime_error(summarise(diagnostics)), m_kind(kind), m_diagnostics(std::move(diagnostics)) {}

Error::Error(ErrorKind kind, std::string message)
    : Error(kind, std::vector<Diagnostic>{Diagnostic{{}, std::move(message)}}) {}

} // namespace backrelief
