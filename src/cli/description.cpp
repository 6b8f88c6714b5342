#include "cli/description.hpp"

#include "backrelief/diagnostic.hpp"
#include "backrelief/text_analysis.hpp"

#include <cstdio>

namespace backrelief::cli {

bool description_from_stdin(const std::vector<std::string>& words) {
  return words.size() == 1 && words.front() == "-";
}

std::string read_description(const std::vector<std::string>& words) {
  if (description_from_stdin(words)) {
    // One byte past the limit is enough to know it is too long; make_profile says so.
    std::string description;
    char buffer[65536];
    while (description.size() <= k_max_description_bytes) {
      const std::size_t got = std::fread(buffer, 1, sizeof buffer, stdin);
      if (got == 0) {
        break;
      }
      description.append(buffer, got);
    }
    if (std::ferror(stdin) != 0) {
      throw Error(ErrorKind::io, "cannot read the description from standard input");
    }
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
