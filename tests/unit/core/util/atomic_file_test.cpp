#include "core/util/atomic_file.hpp"

#include "core/util/file_text.hpp"

#include <filesystem>
#include <gtest/gtest.h>
#include <unistd.h>

namespace backrelief {
namespace {

class AtomicFileTest : public ::testing::Test {
protected:
  void SetUp() override {
    std::string pattern = (std::filesystem::temp_directory_path() / "atomic-file-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    m_directory = pattern;
  }
  void TearDown() override { std::filesystem::remove_all(m_directory); }

  [[nodiscard]] std::size_t entries() const {
    return static_cast<std::size_t>(std::distance(std::filesystem::directory_iterator(m_directory), {}));
  }

  std::filesystem::path m_directory;
};

TEST_F(AtomicFileTest, CommitReplacesTheFileWhole) {
  const auto path = m_directory / "cache";
  {
    AtomicFile first(path);
    ASSERT_TRUE(first.write("old"));
    ASSERT_TRUE(first.commit());
  }
  AtomicFile second(path);
  ASSERT_TRUE(second.write("new "));
  ASSERT_TRUE(second.write("contents"));
  EXPECT_EQ(read_file_text(path), "old"); // not seen before the rename
  ASSERT_TRUE(second.commit());
  EXPECT_EQ(read_file_text(path), "new contents");
  EXPECT_EQ(entries(), 1U);
}

TEST_F(AtomicFileTest, DroppedWithoutCommitLeavesNothing) {
  {
    AtomicFile file(m_directory / "cache");
    ASSERT_TRUE(file.write("half"));
  }
  EXPECT_EQ(entries(), 0U);
}

TEST_F(AtomicFileTest, FailsWhereNoTemporaryCanBeMade) {
  AtomicFile file(m_directory / "no-such-directory" / "cache");
  EXPECT_FALSE(file.ok());
  EXPECT_FALSE(file.write("x"));
  EXPECT_FALSE(file.commit());
}

TEST_F(AtomicFileTest, AFailedRenameRemovesTheTemporary) {
  std::filesystem::create_directory(m_directory / "cache");
  std::filesystem::create_directory(m_directory / "cache" / "in-the-way"); // a full directory cannot be renamed over
  AtomicFile file(m_directory / "cache");
  ASSERT_TRUE(file.write("data"));
  EXPECT_FALSE(file.commit());
  EXPECT_EQ(entries(), 1U);
}

} // namespace
} // namespace backrelief
