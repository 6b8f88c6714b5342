// Files mapped read-only: the text as it is on disk, and nothing for what is no regular file.
#include "core/util/mapped_file.hpp"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <utility>

namespace backrelief {
namespace {

class MappedFileTest : public ::testing::Test {
protected:
  void SetUp() override {
    m_directory = std::filesystem::temp_directory_path() /
                  ("backrelief-mapped-" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    std::filesystem::remove_all(m_directory);
    std::filesystem::create_directories(m_directory);
  }
  void TearDown() override { std::filesystem::remove_all(m_directory); }
  std::filesystem::path m_directory;
};

TEST_F(MappedFileTest, HoldsTheFilesTextAndSurvivesAMove) {
  std::ofstream(m_directory / "index.noun") << "buttocks n 1 3 @ ~ %p 1 0 05558717\n";
  auto file = MappedFile::open(m_directory / "index.noun");
  ASSERT_TRUE(file.has_value());
  EXPECT_EQ(file->text(), "buttocks n 1 3 @ ~ %p 1 0 05558717\n");
  const MappedFile moved = std::move(*file);
  EXPECT_EQ(moved.text().substr(0, 8), "buttocks");
}

TEST_F(MappedFileTest, NothingForAMissingEmptyOrOddFile) {
  EXPECT_FALSE(MappedFile::open(m_directory / "missing").has_value());
  std::ofstream(m_directory / "empty").close();
  EXPECT_FALSE(MappedFile::open(m_directory / "empty").has_value());
  EXPECT_FALSE(MappedFile::open(m_directory).has_value()) << "a directory";
  ASSERT_EQ(::mkfifo((m_directory / "fifo").c_str(), 0600), 0);
  EXPECT_FALSE(MappedFile::open(m_directory / "fifo").has_value()) << "a FIFO, without hanging";
}

} // namespace
} // namespace backrelief
