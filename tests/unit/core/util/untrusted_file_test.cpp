#include "core/util/untrusted_file.hpp"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

namespace backrelief {
namespace {

class UntrustedFileTest : public testing::Test {
protected:
  void SetUp() override {
    m_directory = std::filesystem::temp_directory_path() / ("untrusted-" + std::to_string(::getpid()));
    std::filesystem::create_directories(m_directory);
  }
  void TearDown() override { std::filesystem::remove_all(m_directory); }
  [[nodiscard]] std::filesystem::path path(const char* name) const { return m_directory / name; }

private:
  std::filesystem::path m_directory;
};

TEST_F(UntrustedFileTest, ReadsARegularFileWithinItsLimit) {
  std::ofstream(path("entry")) << "twelve bytes";
  EXPECT_EQ(read_untrusted_file(path("entry"), 12), "twelve bytes");
  EXPECT_EQ(read_untrusted_file(path("entry"), 11), std::nullopt) << "one byte over";
}

TEST_F(UntrustedFileTest, NeverFollowsALinkNorWaitsOnAFifo) {
  std::filesystem::create_symlink("/dev/zero", path("zero"));
  EXPECT_EQ(read_untrusted_file(path("zero"), 1U << 20U), std::nullopt);
  ASSERT_EQ(::mkfifo(path("fifo").c_str(), 0600), 0);
  EXPECT_EQ(read_untrusted_file(path("fifo"), 1U << 20U), std::nullopt) << "returns at once";
  EXPECT_EQ(read_untrusted_file(path("missing"), 1U << 20U), std::nullopt);
}

TEST_F(UntrustedFileTest, AHugeSparseFileIsRefusedBeforeAnyRead) {
  std::ofstream(path("sparse")).close();
  std::filesystem::resize_file(path("sparse"), std::uintmax_t{100} << 30U);
  EXPECT_EQ(read_untrusted_file(path("sparse"), 1U << 20U), std::nullopt);
}

} // namespace
} // namespace backrelief
