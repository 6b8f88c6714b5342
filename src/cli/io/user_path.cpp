#include "cli/io/user_path.hpp"

#include <system_error>

namespace backrelief::cli {

UserPath look_at(const std::filesystem::path& path) {
  UserPath seen;
  std::error_code error;
  seen.status = std::filesystem::status(path, error);
  if (!error) {
    return seen;
  }
  std::error_code link_error;
  const auto link = std::filesystem::symlink_status(path, link_error);
  if (error == std::errc::no_such_file_or_directory && !std::filesystem::exists(link)) {
    seen.absent = true;
    return seen;
  }
  seen.problem = std::filesystem::exists(link) && std::filesystem::is_symlink(link) &&
                         error == std::errc::no_such_file_or_directory
                     ? "a link to nothing"
                     : error.message();
  return seen;
}

} // namespace backrelief::cli
