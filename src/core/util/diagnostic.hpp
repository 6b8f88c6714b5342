#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace backrelief {

/// A place in an input file; line and column are 1-based, 0 means unknown.
struct SourceLocation {
  std::string file;
  int line = 0;
  int column = 0;
};

/// Formats a location as `file:line:column`, leaving out the parts that are unknown.
std::string to_string(const SourceLocation& where);

/// One problem found in the input, with where it is: a place in a file, or a field of a value
/// given some other way (an option, a batch key, a config line), which each front end names its own way.
struct Diagnostic {
  SourceLocation where;
  std::string message;
  std::string field{}; ///< the input field at fault, e.g. "pressure" or "condition"; empty if none
};

/// Formats a diagnostic as `file:line:column: field: message`, leaving out what is unknown.
std::string to_string(const Diagnostic& diagnostic);

/// What went wrong, which decides the exit status at the command-line boundary.
enum class ErrorKind {
  invalid_rules,  ///< a rule file is unreadable or invalid
  invalid_input,  ///< a profile value (option or batch field) is not acceptable
  invalid_config, ///< the user's config file is unreadable or invalid
  io,             ///< reading or writing failed
};

/// The one error type of the library: a kind and every problem found, each with its place.
class Error : public std::runtime_error {
public:
  Error(ErrorKind kind, std::vector<Diagnostic> diagnostics);
  Error(ErrorKind kind, std::string message);

  /// Why the operation failed, for choosing an exit status.
  [[nodiscard]] ErrorKind kind() const noexcept { return m_kind; }
  /// Every problem found, in the order found.
  [[nodiscard]] const std::vector<Diagnostic>& diagnostics() const noexcept { return m_diagnostics; }

private:
  ErrorKind m_kind;
  std::vector<Diagnostic> m_diagnostics;
};

} // namespace backrelief
