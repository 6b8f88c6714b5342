#pragma once

#include <string>
#include <vector>

namespace backrelief::cli {

/// The description from the command line's words: joined with spaces, or read from standard
/// input when the only word is "-" (a final newline dropped).
std::string read_description(const std::vector<std::string>& words);

/// True when the words ask for the description on standard input.
bool description_from_stdin(const std::vector<std::string>& words);

} // namespace backrelief::cli
