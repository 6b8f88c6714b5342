#include "cli/input/csv_profile.hpp"

#include <gtest/gtest.h>
#include <string>
#include <vector>

namespace backrelief::cli {
namespace {

std::string error_of(const std::vector<std::string>& header,
                     const std::vector<std::pair<std::string, std::string>>& chosen = {}) {
  try {
    map_csv_columns(header, chosen);
  } catch (const Error& error) {
    return error.what();
  }
  return "";
}

TEST(CsvColumns, HeadersNameTheirKeysIgnoringCaseAndSpaces) {
  const CsvColumns columns = map_csv_columns({" Description ", "AGE", "Name", "conditions"}, {});
  EXPECT_EQ(columns.key_of[0], "description");
  EXPECT_EQ(columns.key_of[1], "age");
  EXPECT_FALSE(columns.key_of[2]);
  EXPECT_EQ(columns.key_of[3], "conditions");
  EXPECT_EQ(columns.unread, std::vector<std::string>{"Name"});
}

TEST(CsvColumns, AnOptionMapsAColumnAndItsOwnHeaderIsNotReadAsAKeyThen) {
  const CsvColumns columns =
      map_csv_columns({"Patient", "Notes", "description"}, {{"id", "patient"}, {"description", "Notes"}});
  EXPECT_EQ(columns.key_of[0], "id");
  EXPECT_EQ(columns.key_of[1], "description");
  EXPECT_FALSE(columns.key_of[2]); // "description" is Notes now
}

TEST(CsvColumns, RefusesWhatCannotBeMeant) {
  EXPECT_EQ(error_of({"Notes"}, {{"descripton", "Notes"}}),
            "--column descripton=Notes: unknown key 'descripton' (did you mean 'description'?): the keys are "
            "description, pressure, goal, goals, area, areas, condition, conditions, avoid, age, duration, "
            "intensity, id, and - for a column not to read");
  EXPECT_EQ(error_of({"Notes"}, {{"description", "Note"}}),
            "--column description=Note: no column 'Note' in the header row (did you mean 'notes'?)");
  EXPECT_EQ(error_of({"age", "Age"}), "two columns give 'age': map one of them to another key with --column "
                                      "KEY=HEADER, or leave it out");
  EXPECT_EQ(error_of({"Name", "Phone"}),
            "the header row names no key of a batch line (found Name, Phone): name the columns description, "
            "pressure, goal, goals, area, areas, condition, conditions, avoid, age, duration, intensity, id, or "
            "map them with --column KEY=HEADER");
}

TEST(CsvColumns, NotesThatGoUnreadWhileNoColumnGivesTheDescriptionAreRefused) {
  // A red flag in the person's words must not pass unread because the column has another name.
  EXPECT_EQ(error_of({"id", "Notes", "age"}),
            "no column gives the description, the person's own words, and Notes is not read: map the one that "
            "holds them with --column description=HEADER (as in --column description=\"Notes\"), or leave out a "
            "column on purpose with --column -=HEADER");
  EXPECT_EQ(error_of({"id", "Name", "Notes", "age"}).substr(0, 70),
            "no column gives the description, the person's own words, and Name, Not");
  // Mapped, or left out on purpose, it is read as asked.
  EXPECT_EQ(map_csv_columns({"id", "Notes", "age"}, {{"description", "notes"}}).key_of[1], "description");
  const CsvColumns left_out = map_csv_columns({"id", "Name", "age"}, {{"-", "Name"}});
  EXPECT_FALSE(left_out.key_of[1]);
  EXPECT_TRUE(left_out.unread.empty());
  // Structured columns alone, with nothing else in the file, need no description.
  EXPECT_EQ(map_csv_columns({"id", "age", "conditions"}, {}).key_of[2], "conditions");
}

TEST(CsvRow, ReadsTextAsSpreadsheetsWriteIt) {
  const CsvColumns columns = map_csv_columns({"id", "description", "age", "conditions", "intensity", "pressure"}, {});
  BatchLineTags tags;
  const ProfileInput input =
      profile_from_csv_row({" P001 ", "a \"sore\" back", "71", "blood-thinners; pregnancy;", "6.5", ""}, columns, tags);
  EXPECT_EQ(tags.id, "\"P001\"");
  EXPECT_EQ(input.description, "a \"sore\" back");
  EXPECT_EQ(input.age, 71);
  EXPECT_EQ(input.conditions, (std::vector<std::string>{"blood-thinners", "pregnancy"}));
  EXPECT_EQ(input.intensity, 6.5);
  EXPECT_FALSE(input.pressure); // an empty cell is no value
}

TEST(CsvRow, SaysWhichCellIsWrongAndKeepsTheId) {
  const CsvColumns columns = map_csv_columns({"id", "age", "intensity"}, {});
  BatchLineTags tags;
  EXPECT_THROW(profile_from_csv_row({"P9", "seventy", ""}, columns, tags), Error);
  EXPECT_EQ(tags.id, "\"P9\"");
  try {
    profile_from_csv_row({"P9", "", "6,5"}, columns, tags);
  } catch (const Error& error) {
    EXPECT_STREQ(error.what(), "intensity: '6,5' is not a number from 0 to 10");
  }
  try {
    profile_from_csv_row({"P9", "", "", "extra"}, columns, tags);
  } catch (const Error& error) {
    EXPECT_STREQ(error.what(), "4 fields, but the header row has 3 columns");
  }
}

TEST(CsvRow, ARowOfEmptyCellsIsBlank) {
  EXPECT_TRUE(blank_csv_row({"", " ", ""}));
  EXPECT_FALSE(blank_csv_row({"", "x"}));
}

} // namespace
} // namespace backrelief::cli
