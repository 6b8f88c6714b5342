#pragma once

#include <fmt/format.h>
#include <iterator>
#include <string>
#include <utility>

namespace backrelief::cli {

/// Appends one formatted line and its newline to `out`: how the text formatters build a page.
template <typename... Args>
void append_line(std::string& out, fmt::format_string<Args...> format, Args&&... args) {
  fmt::format_to(std::back_inserter(out), format, std::forward<Args>(args)...);
  out += '\n';
}

} // namespace backrelief::cli
