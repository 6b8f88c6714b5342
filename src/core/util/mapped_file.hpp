#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string_view>

namespace backrelief {

/// A regular file mapped read-only into memory: large reference files (WordNet's index and data
/// files, 30 MB together) are searched where they lie, and only the pages a search touches are
/// ever read from disk.
class MappedFile {
public:
  /// The file mapped; nothing when it is missing, empty, not a regular file or cannot be mapped.
  static std::optional<MappedFile> open(const std::filesystem::path& path);

  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  MappedFile(MappedFile&& other) noexcept;
  MappedFile& operator=(MappedFile&& other) noexcept;
  ~MappedFile();

  [[nodiscard]] std::string_view text() const { return {m_data, m_size}; }

private:
  MappedFile(const char* data, std::size_t size) : m_data(data), m_size(size) {}

  const char* m_data = nullptr;
  std::size_t m_size = 0;
};

} // namespace backrelief
