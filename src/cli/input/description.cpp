#include "cli/input/description.hpp"

#include "cli/io/standard_input.hpp"
#include "core/text/text_analysis.hpp"
#include "core/util/diagnostic.hpp"

namespace backrelief::cli {

bool description_from_stdin(const std::vector<std::string>& words) {
  return words.size() == 1 && words.front() == "-";
}

std::string read_description(const std::vector<std::string>& words) {
  if (description_from_stdin(words)) {
    // One byte past the limit is enough to know it is too long; make_profile says so.
    auto read = read_stdin_up_to(k_max_description_bytes);
    if (!read) {
      throw Error(ErrorKind::io, "cannot read the description from standard input");
    }
    std::string description = std::move(*read);
    while (!description.empty() && (description.back() == '\n' || description.back() == '\r')) {
      description.pop_back();
    }
    return description;
  }
  std::string description;
  for (const std::string& word : words) {
    if (!description.empty()) {
      description += ' ';
    }
    description += word;
  }
  return description;
}

} // namespace backrelief::cli
