#include "cli/io/standard_input.hpp"

#include <array>
#include <cstdio>

namespace backrelief::cli {

std::optional<std::string> read_stdin_up_to(std::size_t limit) {
  std::string text;
  std::array<char, 65536> buffer{};
  while (text.size() <= limit) {
    const std::size_t got = std::fread(buffer.data(), 1, buffer.size(), stdin);
    if (got == 0) {
      break;
    }
    text.append(buffer.data(), got);
  }
  if (std::ferror(stdin) != 0) {
    return std::nullopt;
  }
  return text;
}

} // namespace backrelief::cli
