#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>

namespace backrelief {

/// The contents of a file that anyone could have put there (a cache entry): only a regular file,
/// never followed through a symbolic link, never a FIFO that would block or a device that never
/// ends, and only when it holds at most `max_bytes`; nothing otherwise, or when reading fails.
std::optional<std::string> read_untrusted_file(const std::filesystem::path& path, std::size_t max_bytes);

} // namespace backrelief
