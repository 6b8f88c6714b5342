#pragma once

/// @file
/// The one error type of backrelief: what went wrong, and every problem found with its place.

#include <backrelief/export.hpp>
#include <stdexcept>
#include <string>
#include <vector>

namespace backrelief {

/// A place in an input file; line and column are 1-based, 0 means unknown.
struct SourceLocation {
  /// The file's path as it was given, "<stdin>", or the name given with a rule text; may be empty.
  std::string file;
  /// The line, from 1; 0 when unknown.
  int line = 0;
  /// The column, from 1; 0 when unknown.
  int column = 0;
};

/// Formats a location as `file:line:column`, leaving out the parts that are unknown.
BACKRELIEF_API std::string to_string(const SourceLocation& where);

/// One problem found in the input: a place in a rule file, or a field of a profile.
struct Diagnostic {
  /// Where the problem is, when it is in a file.
  SourceLocation where;
  /// What is wrong and, where one fits, what was meant ("did you mean 'firm'?").
  std::string message;
  /// The profile field at fault ("pressure", "condition", "answer"...); empty for a file's problem.
  std::string field{};
};

/// Formats a diagnostic as `file:line:column: field: message`, leaving out what is unknown.
BACKRELIEF_API std::string to_string(const Diagnostic& diagnostic);

/// What went wrong, in the kinds a caller reacts to differently.
enum class ErrorKind {
  invalid_rules,  ///< A rule file is unreadable or invalid.
  invalid_input,  ///< A profile value is not acceptable.
  invalid_config, ///< A configuration file is unreadable or invalid.
  io,             ///< Reading or writing a file failed.
};

/// The only exception backrelief throws on purpose (besides std::bad_alloc): its kind and every
/// problem found, in the order found; what() is the first problem, formatted by to_string().
class BACKRELIEF_API Error : public std::runtime_error {
public:
  /// An error with every problem found.
  Error(ErrorKind kind, std::vector<Diagnostic> diagnostics);
  /// An error with one problem that has no place.
  Error(ErrorKind kind, std::string message);

  /// Why the operation failed.
  [[nodiscard]] ErrorKind kind() const noexcept { return m_kind; }
  /// Every problem found, in the order found; never empty.
  [[nodiscard]] const std::vector<Diagnostic>& diagnostics() const noexcept { return m_diagnostics; }

private:
  ErrorKind m_kind;
  std::vector<Diagnostic> m_diagnostics;
};

} // namespace backrelief
