#pragma once

#include <cstddef>
#include <cstdio>

namespace backrelief::cli {

/// The width to wrap text output to: $COLUMNS when it holds a sensible number, else the
/// terminal's width when `stream` is a terminal, else 0, meaning no wrapping (a pipe gets
/// whole lines, for grep).
std::size_t output_width(std::FILE* stream);

} // namespace backrelief::cli
