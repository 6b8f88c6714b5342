#include "cli/io/standard_error.hpp"

#include <fmt/format.h>

namespace backrelief::cli {

void print_error(std::string_view message) {
  fmt::print(stderr, "backrelief: error: {}\n", message);
}

void print_message(std::string_view message) {
  fmt::print(stderr, "backrelief: {}\n", message);
}

} // namespace backrelief::cli
