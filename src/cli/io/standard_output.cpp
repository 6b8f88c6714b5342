#include "cli/io/standard_output.hpp"

#include <cerrno>
#include <cstdio>

namespace backrelief::cli {

namespace {

int& first_error() {
  static int error = 0;
  return error;
}

bool record_failure() {
  // stdio may fail without setting errno (a stream already in error): still a failure.
  first_error() = errno != 0 ? errno : EIO;
  return false;
}

} // namespace

bool write_stdout(std::string_view text) {
  if (first_error() != 0) {
    return false;
  }
  if (text.empty()) {
    return true; // and fwrite may not be given the null pointer an empty view can hold
  }
  errno = 0;
  if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size()) {
    return record_failure();
  }
  return true;
}

bool flush_stdout() {
  if (first_error() != 0) {
    return false;
  }
  errno = 0;
  if (std::fflush(stdout) != 0 || std::ferror(stdout) != 0) {
    return record_failure();
  }
  return true;
}

int stdout_error() {
  return first_error();
}

} // namespace backrelief::cli
