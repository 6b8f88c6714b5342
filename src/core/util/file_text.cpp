#include "core/util/file_text.hpp"

#include <array>
#include <fstream>
#include <sstream>

namespace backrelief {

std::optional<std::string> read_file_text(const std::filesystem::path& path) {
  std::error_code error;
  const auto status = std::filesystem::status(path, error);
  std::ifstream in(path, std::ios::binary);
  if (!in || std::filesystem::is_directory(status)) { // a directory opens, but has no text to read
    return std::nullopt;
  }
  const auto size = std::filesystem::is_regular_file(status) ? std::filesystem::file_size(path, error) : 0;
  std::string text;
  if (!error && size > 0) {
    text.resize(static_cast<std::size_t>(size));
    in.read(text.data(), static_cast<std::streamsize>(size));
    text.resize(static_cast<std::size_t>(in.gcount()));
  } else {
    std::ostringstream stream;
    stream << in.rdbuf();
    text = std::move(stream).str();
  }
  if (in.bad()) {
    return std::nullopt;
  }
  return text;
}

std::optional<std::string> read_file_up_to(const std::filesystem::path& path, std::size_t limit) {
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) {
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return std::nullopt;
  }
  std::string text;
  std::array<char, 65536> buffer{};
  while (text.size() <= limit && in) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    text.append(buffer.data(), static_cast<std::size_t>(in.gcount()));
  }
  if (in.bad()) {
    return std::nullopt;
  }
  if (text.size() > limit + 1) {
    text.resize(limit + 1);
  }
  return text;
}

} // namespace backrelief
