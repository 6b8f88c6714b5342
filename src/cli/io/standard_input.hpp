#pragma once

#include <cstddef>
#include <optional>
#include <string>

namespace backrelief::cli {

/// Reads standard input, but no more than one byte past `limit`, so an input that is too large
/// is known to be too large without being read in full. Nothing when reading failed.
std::optional<std::string> read_stdin_up_to(std::size_t limit);

} // namespace backrelief::cli
