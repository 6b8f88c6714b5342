#include "cli/input/batch_line.hpp"

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

TEST(BatchLine, ReadsAnswersInOrder) {
  const ProfileInput input = parse_batch_line(R"({"answers": {"saddle-numbness": "no", "fever": "not sure"}})");
  EXPECT_EQ(input.answers,
            (std::vector<std::pair<std::string, std::string>>{{"saddle-numbness", "no"}, {"fever", "not sure"}}));
}

TEST(BatchLine, AnswersAreAnObjectOfStrings) {
  EXPECT_EQ(
      error_of(R"({"answers": ["fever"]})"),
      R"('answers' must be an object of question ids and answers, such as {"saddle-numbness": "no"}, found a list)");
  EXPECT_EQ(error_of(R"({"answers": {"fever": true}})"),
            R"(the answer to 'fever' must be "yes", "no" or "not-sure", found true or false)");
  EXPECT_EQ(error_of(R"({"answers": {"fever": {"a": 1}}})"),
            R"(the answer to 'fever' must be "yes", "no" or "not-sure", found an object)");
  EXPECT_EQ(error_of(R"({"answers": {}, "answers": {}})"), "key 'answers' given twice");
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

TEST(BatchLine, WrongTypesOfEveryKind) {
  EXPECT_EQ(error_of(R"({"pressure": true})"), "'pressure' must be a string, found true or false");
  EXPECT_EQ(error_of(R"({"pressure": ["low"]})"), "'pressure' must be a string, found a list");
  EXPECT_EQ(error_of(R"({"description": {}})"), "'description' must be a string, found an object");
  EXPECT_EQ(error_of(R"({"age": [1]})"), "'age' must be a whole number of years, found a list");
  EXPECT_EQ(error_of(R"({"intensity": false})"), "'intensity' must be a number from 0 to 10, found true or false");
  EXPECT_EQ(error_of(R"({"areas": ["neck", ["hips"]]})"), "'areas' must be a string, found a list");
  EXPECT_EQ(error_of(R"({"areas": ["neck", {"a": "b"}]})"), "'areas' must be a string, found an object");
  EXPECT_EQ(error_of(R"({"areas": ["neck", null]})"), "'areas' must be a string, found null");
  EXPECT_EQ(error_of(R"({"goals": 3})"), "'goals' must be a string or a list of strings, found a number");
  EXPECT_EQ(error_of("true"), "expected a JSON object such as {\"pressure\": \"low\"}, found true or false");
  EXPECT_EQ(error_of("null"), "expected a JSON object such as {\"pressure\": \"low\"}, found null");
}

TEST(BatchLine, TheFirstProblemInTheLineIsReported) {
  EXPECT_EQ(error_of(R"({"pressure": 3, "presure": "low"})"), "'pressure' must be a string, found a number");
  EXPECT_EQ(error_of(R"({"presure": "low", "pressure": 3})"), "unknown key 'presure' (did you mean 'pressure'?)");
}

TEST(BatchLine, InvalidJsonComesBeforeEveryOtherProblem) {
  EXPECT_EQ(error_of(R"({"presure": "low", )"), "the line ends inside its JSON (at byte 20): expected a JSON object "
                                                "such as {\"pressure\": \"low\"}, closed on the same line");
  EXPECT_EQ(error_of(R"([1, 2)"), "the line ends inside its JSON (at byte 6): expected a JSON object such as "
                                  "{\"pressure\": \"low\"}, closed on the same line");
  EXPECT_EQ(error_of(R"({"pressure": "low"} {})"), "text after the JSON object (at byte 21): one object per line");
  EXPECT_EQ(error_of(R"({"presure" "low"})"),
            "invalid JSON at byte 16: expected a JSON object such as {\"pressure\": \"low\"}");
}

TEST(BatchLine, InvalidUtf8IsNamedWithItsByte) {
  EXPECT_EQ(error_of("{\"description\": \"sore \xff back\"}"), "invalid UTF-8 at byte 23: a batch line is UTF-8 text");
}

TEST(BatchLine, AnUnknownKeyFarFromEveryKeyListsThem) {
  EXPECT_EQ(error_of(R"({"zzz": 1})"), "unknown key 'zzz': the keys are description, pressure, goal, goals, area, "
                                       "areas, condition, conditions, avoid, age, duration, intensity, answers, id, "
                                       "meta");
  EXPECT_EQ(error_of(R"({"descripton": "x"})"), "unknown key 'descripton' (did you mean 'description'?)");
}

TEST(BatchLine, AnIdAndMetaComeBackAsTheSenderWroteThem) {
  BatchLineTags tags;
  const ProfileInput input =
      parse_batch_line(R"({"id": "P001", "meta": {"ward": "B", "seen": [1, 2], "a": null}, "pressure": "low"})", &tags);
  EXPECT_EQ(input.pressure, "low");
  EXPECT_EQ(tags.id, "\"P001\"");
  EXPECT_EQ(tags.meta, R"({"ward":"B","seen":[1,2],"a":null})"); // the sender's order, compact
  BatchLineTags number;
  parse_batch_line(R"({"id": 17})", &number);
  EXPECT_EQ(number.id, "17");
  EXPECT_FALSE(number.meta);
}

TEST(BatchLine, TheIdComesBackWhenAnotherKeyRefusesTheLine) {
  BatchLineTags tags;
  EXPECT_THROW(parse_batch_line(R"({"id": "P002", "presure": "low"})", &tags), Error);
  EXPECT_EQ(tags.id, "\"P002\"");
  BatchLineTags none;
  EXPECT_THROW(parse_batch_line(R"({"id": "P003", "pressure": )", &none), Error);
  EXPECT_FALSE(none.id); // not JSON: nothing can be read back
}

TEST(BatchLine, AnIdIsAStringOrANumberAndMetaAnObject) {
  EXPECT_EQ(error_of(R"({"id": ["P001"]})"), "'id' must be a string or a number, found a list");
  EXPECT_EQ(error_of(R"({"id": true})"), "'id' must be a string or a number, found true or false");
  EXPECT_EQ(error_of(R"({"meta": "ward B"})"), "'meta' must be a JSON object, found a string");
  EXPECT_EQ(error_of(R"({"id": "a", "id": "b"})"), "key 'id' given twice");
}

TEST(BatchLine, AKeyGivenTwiceIsAnError) {
  EXPECT_EQ(error_of(R"({"pressure": "low", "pressure": "firm"})"), "key 'pressure' given twice");
}

TEST(BatchLine, ValuesInsideNestedValuesAreNotTakenAsKeys) {
  // Only the line's own keys count: a nested object's "pressure" is part of a wrong value.
  EXPECT_EQ(error_of(R"({"goal": {"pressure": "low"}, "age": 30})"),
            "'goal' must be a string or a list of strings, found an object");
  const ProfileInput input = parse_batch_line(R"({"goals": [], "areas": "neck", "age": 0, "intensity": 10})");
  EXPECT_TRUE(input.goals.empty());
  EXPECT_EQ(input.areas, std::vector<std::string>{"neck"});
  EXPECT_EQ(input.age, 0);
  EXPECT_EQ(input.intensity, 10.0);
}

TEST(BatchLine, AVeryLargeWholeNumberIsNotAnAge) {
  EXPECT_EQ(error_of(R"({"age": 18446744073709551615})"),
            "'age' 18446744073709551615 is not an age in years (0 to 130)");
}

} // namespace
} // namespace backrelief
