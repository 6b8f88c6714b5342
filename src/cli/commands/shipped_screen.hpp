#pragma once

#include "cli/input/profile_options.hpp"
#include "core/util/diagnostic.hpp"

#include <optional>
#include <string>

namespace backrelief::cli {

/// When the user's rule files or config file cannot be used, the run stops with their error;
/// but a typo in a clinic's rules.d must not hide an emergency in what the person wrote. This
/// screens the description alone, with only the rules that ship with backrelief. When they
/// refer urgent or emergency, it prints `error` on standard error, then the referral in the
/// format the command line asked for, and returns the referral's exit status; otherwise none,
/// and the caller lets the error stop the run.
std::optional<int> screen_despite(const Error& error, const ProfileOptions& options, const std::string& description);

} // namespace backrelief::cli
