#include "cli/io/stop_signals.hpp"

#include <array>
#include <csignal>
#include <unistd.h>

namespace backrelief::cli {

namespace {

volatile std::sig_atomic_t g_requested = 0;
volatile std::sig_atomic_t g_waiting = 0;

constexpr std::array k_signals{SIGINT, SIGTERM};
std::array<struct sigaction, k_signals.size()> g_previous{};
std::array<bool, k_signals.size()> g_installed{};

extern "C" void stop_requested(int signal) {
  if (g_waiting != 0) {
    _exit(128 + signal); // nothing half-written: every answer so far is out
  }
  g_requested = signal;
}

} // namespace

StopSignals::StopSignals() {
  g_requested = 0;
  g_waiting = 0;
  for (std::size_t i = 0; i < k_signals.size(); ++i) {
    struct sigaction action {};
    action.sa_handler = stop_requested;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART; // a write under way finishes; the run stops after it
    struct sigaction previous {};
    if (sigaction(k_signals[i], nullptr, &previous) != 0 || previous.sa_handler == SIG_IGN) {
      continue; // ignored by whoever started us: leave it so
    }
    g_installed[i] = sigaction(k_signals[i], &action, &g_previous[i]) == 0;
  }
}

StopSignals::~StopSignals() {
  for (std::size_t i = 0; i < k_signals.size(); ++i) {
    if (g_installed[i]) {
      sigaction(k_signals[i], &g_previous[i], nullptr);
      g_installed[i] = false;
    }
  }
  g_waiting = 0;
}

int StopSignals::requested() {
  return g_requested;
}

void StopSignals::waiting_for_input(bool waiting) {
  g_waiting = waiting ? 1 : 0;
  if (waiting && g_requested != 0) {
    _exit(128 + g_requested); // asked to stop just before the wait began
  }
}

} // namespace backrelief::cli
