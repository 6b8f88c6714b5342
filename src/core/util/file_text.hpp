#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace backrelief {

/// The whole contents of a file, read in one go when its size is known (a regular file) and as a
/// stream otherwise; nothing when it cannot be opened or reading fails. Limits on size are the
/// caller's to check first.
std::optional<std::string> read_file_text(const std::filesystem::path& path);

/// At most `limit` + 1 bytes of a file of any kind (a pipe from `<(...)` too): one byte more than
/// the limit says the file is too large, and a device that never ends (/dev/zero) is never read
/// to the end. Nothing when it cannot be opened or reading fails.
std::optional<std::string> read_file_up_to(const std::filesystem::path& path, std::size_t limit);

} // namespace backrelief
