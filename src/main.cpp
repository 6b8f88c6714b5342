#include "cli/commands/app.hpp"

#include <csignal>

int main(int argc, char** argv) {
  // A closed pipe is reported by write errors (EPIPE), which the front end handles quietly,
  // rather than by a signal that kills the process mid-line.
  std::signal(SIGPIPE, SIG_IGN);
  return backrelief::cli::run(argc, argv);
}
