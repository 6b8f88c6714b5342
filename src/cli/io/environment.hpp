#pragma once

#include <filesystem>
#include <string>

namespace backrelief::cli {

/// The value of an environment variable; empty when it is unset.
std::string environment_variable(const char* name);

/// backrelief's directory under $XDG_CONFIG_HOME, or ~/.config when it is unset, empty or relative;
/// empty when neither is known (a relative $HOME is not known).
std::filesystem::path user_config_directory();

/// backrelief's directory under $XDG_CACHE_HOME, or ~/.cache, likewise.
std::filesystem::path user_cache_directory();

/// This year by the system clock, in UTC: what "in 2019" is counted back from.
int this_year();

} // namespace backrelief::cli
