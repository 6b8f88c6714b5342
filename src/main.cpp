#include "cli/app.hpp"

int main(int argc, char** argv) {
  return backrelief::cli::run(argc, argv);
}
