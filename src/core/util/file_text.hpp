#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace backrelief {

/// The whole contents of a file, read in one go when its size is known (a regular file) and as a
/// stream otherwise; nothing when it cannot be opened or reading fails. Limits on size are the
/// caller's to check first.
std::optional<std::string> read_file_text(const std::filesystem::path& path);

} // namespace backrelief
