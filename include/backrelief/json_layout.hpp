#pragma once

/// @file
/// How a JSON document is laid out.

#include <cstdint>

namespace backrelief {

/// How a JSON document is laid out; the members and values are the same either way.
enum class JsonLayout : std::uint8_t {
  indented, ///< Two spaces per level, as `backrelief recommend --format json` prints.
  one_line  ///< The whole document on one line, as each line of `--batch` is.
};

} // namespace backrelief
