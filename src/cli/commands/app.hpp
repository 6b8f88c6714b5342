#pragma once

namespace backrelief::cli {

/// Runs the command line and returns the process exit status.
int run(int argc, char** argv);

} // namespace backrelief::cli
