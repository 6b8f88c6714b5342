#pragma once

#include <fmt/format.h>
#include <string_view>
#include <utility>

namespace backrelief::cli {

/// Writes to standard output. After the first failure nothing more is written, and the error
/// is kept so the command can end quietly on a closed pipe and say once what else went wrong.
/// False when the text was not written.
bool write_stdout(std::string_view text);

/// Formats and writes to standard output, as write_stdout.
template <typename... Args>
bool print_stdout(fmt::format_string<Args...> format, Args&&... args) {
  return write_stdout(fmt::format(format, std::forward<Args>(args)...));
}

/// Flushes standard output; false when it or any earlier write failed.
bool flush_stdout();

/// The errno of the first failed write or flush; 0 when none failed.
int stdout_error();

} // namespace backrelief::cli
