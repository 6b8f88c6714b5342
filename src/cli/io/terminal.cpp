#include "cli/io/terminal.hpp"

#include <charconv>
#include <cstdlib>
#include <string_view>
#include <sys/ioctl.h>
#include <unistd.h>

namespace backrelief::cli {

namespace {
// Narrower than this, wrapping would leave a word or two per line: better not to wrap.
constexpr std::size_t k_min_width = 20;
constexpr std::size_t k_max_width = 10000;
} // namespace

std::size_t output_width(std::FILE* stream) {
  if (const char* columns = std::getenv("COLUMNS"); columns != nullptr && *columns != '\0') {
    const std::string_view text(columns);
    std::size_t width = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), width);
    if (error == std::errc{} && end == text.data() + text.size()) {
      return width >= k_min_width && width <= k_max_width ? width : 0;
    }
  }
  winsize size{};
  if (isatty(fileno(stream)) == 1 && ioctl(fileno(stream), TIOCGWINSZ, &size) == 0 && size.ws_col >= k_min_width) {
    return size.ws_col;
  }
  return 0;
}

} // namespace backrelief::cli
