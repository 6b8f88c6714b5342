#pragma once

#include <filesystem>
#include <string>

namespace backrelief::cli {

/// What stands at a path the person may have set up: their config file, their rules.d.
struct UserPath {
  /// Nothing there, not even a link: not set up, which is no error.
  bool absent = false;
  /// Something there that cannot be looked at (a directory on the way not searchable, a symlink
  /// loop or a dangling link): the reason, as the system words it; empty when it can be.
  std::string problem;
  std::filesystem::file_status status;
};

/// Looks at `path` without ever taking "cannot look" for "not there": a config that says
/// `conditions: [blood-thinners]` must never be skipped because its directory lost a permission.
UserPath look_at(const std::filesystem::path& path);

} // namespace backrelief::cli
