#include "core/util/file_text.hpp"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <string>

namespace backrelief {
namespace {

TEST(FileText, ReadsAWholeFileWithEveryByte) {
  const std::filesystem::path file = std::filesystem::path(testing::TempDir()) / "backrelief-file-text-test";
  std::string contents(100000, 'x');
  contents[0] = '\0';
  contents[50000] = '\n';
  std::ofstream(file, std::ios::binary) << contents;
  EXPECT_EQ(read_file_text(file), contents);
  std::ofstream(file, std::ios::binary | std::ios::trunc).close();
  EXPECT_EQ(read_file_text(file), std::string{});
  std::filesystem::remove(file);
}

TEST(FileText, ReadsWhatHasNoSizeAsAStream) {
  // /proc files say they are empty and still have text.
  const auto text = read_file_text("/proc/self/status");
  ASSERT_TRUE(text.has_value());
  EXPECT_NE(text->find("Name:"), std::string::npos);
}

TEST(FileText, NothingForWhatCannotBeRead) {
  EXPECT_FALSE(read_file_text("/nonexistent/backrelief/file").has_value());
  EXPECT_FALSE(read_file_text(testing::TempDir()).has_value()); // a directory
}

} // namespace
} // namespace backrelief
