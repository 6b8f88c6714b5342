#include "cli/io/progress_line.hpp"

#include <cstdio>
#include <fmt/format.h>
#include <unistd.h>

namespace backrelief::cli {

namespace {

constexpr auto k_quiet_for = std::chrono::seconds(1);
constexpr auto k_every = std::chrono::milliseconds(250);

} // namespace

ProgressLine::ProgressLine(std::string_view unit)
    : m_shown_on_terminal(isatty(STDERR_FILENO) != 0), m_unit(unit), m_start(Clock::now()),
      m_next(m_start + k_quiet_for) {}

ProgressLine::~ProgressLine() {
  clear();
}

void ProgressLine::advanced(std::size_t count) {
  if (!m_shown_on_terminal) {
    return;
  }
  const Clock::time_point now = Clock::now();
  if (now < m_next) {
    return;
  }
  m_next = now + k_every;
  const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(now - m_start).count();
  std::string text = fmt::format("backrelief: {} {}{} so far, {} s", count, m_unit, count == 1 ? "" : "s", seconds);
  const std::size_t width = text.size();
  if (width < m_width) {
    text.append(m_width - width, ' '); // over the end of a longer line before
  }
  m_width = width;
  std::fputs(("\r" + text).c_str(), stderr);
  std::fflush(stderr);
}

void ProgressLine::clear() {
  if (m_width == 0) {
    return;
  }
  std::fputs(("\r" + std::string(m_width, ' ') + "\r").c_str(), stderr);
  std::fflush(stderr);
  m_width = 0;
}

} // namespace backrelief::cli
