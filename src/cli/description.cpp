#include "cli/description.hpp"

#include <iostream>
#include <sstream>

namespace backrelief::cli {

bool description_from_stdin(const std::vector<std::string>& words) {
  return words.size() == 1 && words.front() == "-";
}

std::string read_description(const std::vector<std::string>& words) {
  if (description_from_stdin(words)) {
    std::ostringstream text;
    text << std::cin.rdbuf();
    std::string description = text.str();
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
