#pragma once

#include "core/util/diagnostic.hpp"

#include <string>
#include <string_view>

namespace backrelief {

/// A YAML syntax error said as what the author most likely did, for a person who edits rule files
/// by hand: a tab in the indentation, a line whose indentation lines up with nothing above, a
/// bracket never closed, a second ": " in a value that needs quotes. `text` is the whole file;
/// `line` and `column` (from 1) and `message` are the parser's. A message the hints do not
/// cover is kept, after "invalid YAML:".
Diagnostic explain_yaml_syntax(const std::string& file, std::string_view text, int line, int column,
                               const std::string& message);

/// For a plain value found where a mapping was expected: the hint that "id:x" needs a space
/// after its colon to be a key and its value, or nothing when the value does not look like one.
std::string missing_space_hint(std::string_view scalar);

} // namespace backrelief
