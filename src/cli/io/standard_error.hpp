#pragma once

#include <string_view>

namespace backrelief::cli {

/// "backrelief: error: MESSAGE" on standard error: the one voice of every error.
void print_error(std::string_view message);

/// "backrelief: MESSAGE" on standard error, for what is neither an error nor output.
void print_message(std::string_view message);

} // namespace backrelief::cli
