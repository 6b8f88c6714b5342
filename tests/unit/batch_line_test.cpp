#include "backrelief/batch_line.hpp"

#include <gtest/gtest.h>
#include <string>

namespace backrelief {
namespace {

std::string error_of(std::string_view line) {
  try {
    parse_batch_line(line);
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::invalid_input);
    return error.what();
  }
  ADD_FAILURE() << "no error for " << line;
  return {};
}

TEST(BatchLine, ReadsEveryKey) {
  const ProfileInput input = parse_batch_line(
      R"({"description": "tight back", "pressure": "low", "goal": "relief", "goals": ["mobility"],
          "area": ["neck"], "condition": "pregnancy", "avoid": ["nmt"], "age": 34, "duration": "6m"})");
  EXPECT_EQ(input.description, "tight back");
  EXPECT_EQ(input.pressure, "low");
  EXPECT_EQ(input.goals, (std::vector<std::string>{"relief", "mobility"}));
  EXPECT_EQ(input.areas, (std::vector<std::string>{"neck"}));
  EXPECT_EQ(input.conditions, (std::vector<std::string>{"pregnancy"}));
  EXPECT_EQ(input.avoid, (std::vector<std::string>{"nmt"}));
  EXPECT_EQ(input.age, 34);
  EXPECT_EQ(input.duration, "6m");
}

TEST(BatchLine, NullMeansAbsent) {
  const ProfileInput input = parse_batch_line(R"({"pressure": null, "age": null})");
  EXPECT_FALSE(input.pressure.has_value());
  EXPECT_FALSE(input.age.has_value());
}

TEST(BatchLine, InvalidJsonNamesTheByte) {
  EXPECT_EQ(error_of("{\"pressure\": lo}"),
            "invalid JSON at byte 14: expected a JSON object such as {\"pressure\": \"low\"}");
}

TEST(BatchLine, SomethingOtherThanAnObject) {
  EXPECT_EQ(error_of("[1, 2]"), "expected a JSON object such as {\"pressure\": \"low\"}, found a list");
  EXPECT_EQ(error_of("\"low\""), "expected a JSON object such as {\"pressure\": \"low\"}, found a string");
}

TEST(BatchLine, UnknownKeySuggestsOne) {
  EXPECT_EQ(error_of(R"({"presure": "low"})"), "unknown key 'presure' (did you mean 'pressure'?)");
}

TEST(BatchLine, WrongTypes) {
  EXPECT_EQ(error_of(R"({"pressure": 3})"), "'pressure' must be a string, found a number");
  EXPECT_EQ(error_of(R"({"age": "old"})"), "'age' must be a whole number of years, found a string");
  EXPECT_EQ(error_of(R"({"age": 34.5})"), "'age' must be a whole number of years, found a number");
  EXPECT_EQ(error_of(R"({"goal": {"a": 1}})"), "'goal' must be a string or a list of strings, found an object");
  EXPECT_EQ(error_of(R"({"area": ["neck", 2]})"), "'area' must be a string, found a number");
}

TEST(BatchLine, AgeOutOfRange) {
  EXPECT_EQ(error_of(R"({"age": 200})"), "'age' 200 is not an age in years (0 to 130)");
  EXPECT_EQ(error_of(R"({"age": -1})"), "'age' -1 is not an age in years (0 to 130)");
}

TEST(BatchLine, OverlongLine) {
  const std::string line(k_max_batch_line_bytes + 1, ' ');
  EXPECT_EQ(error_of(line), "line longer than 1048576 bytes: a profile is a short JSON object");
}

TEST(BatchLine, IntensityIsANumber) {
  EXPECT_EQ(parse_batch_line(R"({"intensity": 6.5})").intensity, 6.5);
  EXPECT_EQ(error_of(R"({"intensity": "high"})"), "'intensity' must be a number from 0 to 10, found a string");
}

TEST(BatchLine, ANumberTooLargeIsThisLinesError) {
  EXPECT_EQ(error_of("{\"age\": 1e999}"), "invalid JSON: a number too large to read");
  EXPECT_EQ(error_of("1e366"), "invalid JSON: a number too large to read");
}

} // namespace
} // namespace backrelief
