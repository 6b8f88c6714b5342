#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>

namespace backrelief::cli {

/// A line on standard error saying how far a long batch has got, rewritten in place: only when
/// standard error is a terminal (a log file gets the summary alone), and only once the batch has
/// run for a second, so a quick one prints nothing but its summary.
class ProgressLine {
public:
  /// `unit` names what is counted: "line" or "row".
  explicit ProgressLine(std::string_view unit);
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;
  ProgressLine(ProgressLine&&) = delete;
  ProgressLine& operator=(ProgressLine&&) = delete;
  ~ProgressLine();

  /// `count` done so far; cheap enough to call for every line.
  void advanced(std::size_t count);
  /// Erases the line, so what comes next on standard error starts clean.
  void clear();

private:
  using Clock = std::chrono::steady_clock;
  bool m_shown_on_terminal;
  std::string_view m_unit;
  Clock::time_point m_start;
  Clock::time_point m_next;
  std::size_t m_width = 0; ///< of the line on screen now, 0 when none
};

} // namespace backrelief::cli
