#pragma once

namespace backrelief::cli {

/// While one is alive, SIGINT and SIGTERM stop a long run at a clean point instead of killing it
/// in the middle of a line of output: the run asks `requested()` between units of work and ends
/// with 128 + the signal, as a killed program would. While `waiting_for_input(true)` says that
/// everything answered so far has been written, a stop ends the process at once. A signal that
/// was ignored when the program started (a background job, nohup) stays ignored.
class StopSignals {
public:
  StopSignals();
  ~StopSignals();
  StopSignals(const StopSignals&) = delete;
  StopSignals& operator=(const StopSignals&) = delete;
  StopSignals(StopSignals&&) = delete;
  StopSignals& operator=(StopSignals&&) = delete;

  /// The signal that asked to stop, or 0.
  [[nodiscard]] static int requested();

  /// Marks a wait for input, with all output written: a stop then ends the process at once.
  static void waiting_for_input(bool waiting);
};

} // namespace backrelief::cli
