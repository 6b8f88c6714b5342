#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace backrelief::cli {

/// Reads lines from a file descriptor in large blocks, for --batch. It tells its caller before
/// each read that may wait (`before_read`), so answers can be written in bulk while input keeps
/// coming and still reach a reader at once when the input pauses (an interactive session, a
/// slow producer in a pipeline).
class LineReader {
public:
  /// `max_line` bytes of a line are kept, and one more to show that it was longer: the rest of
  /// a longer line is read and dropped.
  LineReader(int fd, std::size_t max_line);

  /// The next line without its newline (a last line without one counts); false at the end of
  /// input, or when `before_read` returns false. The view lasts until the next call.
  bool next(std::string_view& line, const std::function<bool()>& before_read);

  /// Whether reading failed (rather than reaching the end).
  [[nodiscard]] bool failed() const { return m_failed; }

private:
  bool fill(const std::function<bool()>& before_read);
  void keep(std::string_view part);

  int m_fd;
  std::size_t m_max_line;
  std::vector<char> m_block;
  std::size_t m_begin = 0;
  std::size_t m_end = 0;
  std::string m_long_line; ///< a line that runs past the end of the block
  bool m_at_end = false;
  bool m_stopped = false; ///< before_read said to stop
  bool m_failed = false;
};

} // namespace backrelief::cli
