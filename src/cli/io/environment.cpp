#include "cli/io/environment.hpp"

#include <chrono>
#include <cstdlib>

namespace backrelief::cli {

int this_year() {
  const std::chrono::year_month_day today{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
  return static_cast<int>(today.year());
}

namespace {
// backrelief's directory under an XDG base directory: $VARIABLE, or ~/FALLBACK when it is unset
// or empty; empty when neither is known. A relative path is invalid (XDG Base Directory
// Specification) and ignored: it would read rules and config from whatever directory backrelief
// runs in, an untrusted checkout as well.
std::filesystem::path xdg_directory(const char* variable, const char* fallback) {
  std::string base = environment_variable(variable);
  if (base.empty() || base.front() != '/') {
    const std::string home = environment_variable("HOME");
    if (home.empty() || home.front() != '/') {
      return {};
    }
    base = home + "/" + fallback;
  }
  return std::filesystem::path(base) / "backrelief";
}
} // namespace

std::string environment_variable(const char* name) {
  const char* value = std::getenv(name);
  return value == nullptr ? std::string{} : std::string{value};
}

std::filesystem::path user_config_directory() {
  return xdg_directory("XDG_CONFIG_HOME", ".config");
}

std::filesystem::path user_cache_directory() {
  return xdg_directory("XDG_CACHE_HOME", ".cache");
}

} // namespace backrelief::cli
