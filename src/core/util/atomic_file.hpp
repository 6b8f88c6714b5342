#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace backrelief {

/// A file written whole or not at all: the bytes go to a temporary beside the final name, which
/// commit() renames over it, so a reader never sees half a file and two writers at once leave
/// one whole file. Dropped without commit(), or failing, it removes its temporary.
class AtomicFile {
public:
  /// Opens a temporary named `path` + ".XXXXXX"; ok() is false when it cannot be created.
  explicit AtomicFile(std::filesystem::path path);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;
  AtomicFile(AtomicFile&&) = delete;
  AtomicFile& operator=(AtomicFile&&) = delete;

  /// True while every step so far has worked and the file is not yet committed.
  [[nodiscard]] bool ok() const { return m_descriptor >= 0; }
  /// Appends bytes; false (and the file is abandoned) when they cannot all be written.
  bool write(std::string_view data);
  /// Closes the temporary and renames it to the final name; false when either fails.
  bool commit();

private:
  void abandon();

  std::filesystem::path m_path;
  std::string m_temporary;
  int m_descriptor = -1;
};

} // namespace backrelief
