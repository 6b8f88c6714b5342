// Read against Debian's wordnet-base (/usr/share/wordnet), which scripts/install-deps installs.
#include "core/text/wordnet.hpp"

#include "core/util/diagnostic.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <string>
#include <vector>

namespace backrelief {
namespace {

const WordNet& wordnet() {
  static const WordNet database("/usr/share/wordnet");
  return database;
}

bool has(const std::vector<std::string>& words, const std::string& word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

TEST(WordNetSense, ReadsTheNamesNltkWrites) {
  const auto sense = parse_wordnet_sense("buttocks.n.01");
  ASSERT_TRUE(sense.has_value());
  EXPECT_EQ(sense->lemma, "buttocks");
  EXPECT_EQ(sense->pos, WordNetPos::noun);
  EXPECT_EQ(sense->number, 1U);
  EXPECT_EQ(to_string(*parse_wordnet_sense("Motor_Vehicle.n.1")), "motor_vehicle.n.01");
  EXPECT_EQ(parse_wordnet_sense("numb.s.02")->pos, WordNetPos::adjective) << "a satellite is an adjective";
  for (const char* bad : {"buttocks", "buttocks.n", "buttocks.x.01", "buttocks.n.00", ".n.01", "buttocks.n.1a"}) {
    EXPECT_FALSE(parse_wordnet_sense(bad).has_value()) << bad;
  }
}

TEST(WordNet, ASynsetGivesItsWordsAsWritten) {
  const auto words = wordnet().members(*parse_wordnet_sense("buttocks.n.01"));
  ASSERT_TRUE(words.has_value());
  EXPECT_TRUE(has(*words, "backside"));
  EXPECT_TRUE(has(*words, "rear end")) << "'_' is a space";
  EXPECT_EQ(words->front(), "buttocks");
  const auto numb = wordnet().members(*parse_wordnet_sense("numb.a.01"));
  ASSERT_TRUE(numb.has_value());
  EXPECT_TRUE(has(*numb, "asleep"));
}

TEST(WordNet, HyponymsComeToTheDepthAsked) {
  const auto alone = wordnet().members(*parse_wordnet_sense("motor_vehicle.n.01"));
  const auto kinds = wordnet().members(*parse_wordnet_sense("motor_vehicle.n.01"), 1);
  ASSERT_TRUE(alone && kinds);
  EXPECT_FALSE(has(*alone, "truck"));
  EXPECT_TRUE(has(*kinds, "truck"));
  EXPECT_TRUE(has(*kinds, "motorcycle"));
  const auto deeper = wordnet().members(*parse_wordnet_sense("motor_vehicle.n.01"), 2);
  ASSERT_TRUE(deeper.has_value());
  EXPECT_TRUE(has(*deeper, "ambulance")) << "a car's kind";
  EXPECT_EQ(std::count(deeper->begin(), deeper->end(), "car"), 1) << "each word once";
}

TEST(WordNet, ASenseThatDoesNotExistIsNothing) {
  EXPECT_FALSE(wordnet().members(*parse_wordnet_sense("buttocks.n.02")).has_value());
  EXPECT_FALSE(wordnet().members(*parse_wordnet_sense("zzyzx.n.01")).has_value());
  EXPECT_EQ(wordnet().sense_count("shoot", WordNetPos::verb), 20U);
  EXPECT_EQ(wordnet().sense_count("zzyzx", WordNetPos::noun), 0U);
}

TEST(WordNet, IrregularFormsComeFromTheExceptionLists) {
  EXPECT_TRUE(has(wordnet().irregular_forms("shoot", WordNetPos::verb), "shot"));
  EXPECT_TRUE(has(wordnet().irregular_forms("foot", WordNetPos::noun), "feet"));
  EXPECT_TRUE(wordnet().irregular_forms("back", WordNetPos::noun).empty());
}

TEST(WordNet, IrregularFormsInflectTheHeadOfEachWord) {
  const auto verbs = wordnet().with_irregular_forms({"fall down", "shoot"}, WordNetPos::verb);
  EXPECT_TRUE(has(verbs, "fell down")) << "a verb's first word";
  EXPECT_TRUE(has(verbs, "shot"));
  EXPECT_EQ(verbs.front(), "fall down") << "the words first, as they were";
  const auto nouns = wordnet().with_irregular_forms({"flat foot", "foot"}, WordNetPos::noun);
  EXPECT_TRUE(has(nouns, "flat feet")) << "a noun's last word";
  EXPECT_EQ(std::count(nouns.begin(), nouns.end(), "feet"), 1);
}

TEST(WordNet, AWordsStandingSaysHowManyMeaningsItHasAndWhereThisOneRanks) {
  const WordNetSense buttocks = *parse_wordnet_sense("buttocks.n.01");
  EXPECT_EQ(wordnet().standing("buttocks", buttocks).rank, 1U);
  const auto can = wordnet().standing("can", buttocks);
  EXPECT_GT(can.rank, 1U) << "a container first";
  EXPECT_GE(can.senses, 6U);
  EXPECT_EQ(wordnet().standing("truck", buttocks).rank, 0U) << "not in that synset";
}

TEST(WordNet, ItsIdentityChangesWithItsFiles) {
  const auto directory = std::filesystem::temp_directory_path() / "backrelief-wordnet-identity";
  std::filesystem::remove_all(directory);
  std::filesystem::create_directories(directory);
  const std::string before = WordNet::identity(directory);
  std::ofstream(directory / "index.noun") << "a\n";
  EXPECT_NE(WordNet::identity(directory), before);
  std::filesystem::remove_all(directory);
}

TEST(WordNet, AMissingDatabaseNamesThePackage) {
  try {
    const WordNet missing("/nonexistent/wordnet");
    FAIL() << "opened a database that is not there";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::invalid_config);
    EXPECT_NE(error.diagnostics().front().message.find("wordnet-base"), std::string::npos);
  }
}

} // namespace
} // namespace backrelief
