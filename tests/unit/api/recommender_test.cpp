#include <backrelief/backrelief.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

namespace backrelief {
namespace {

LoadOptions shipped_from_source() {
  LoadOptions options;
  options.shipped_rules_directory = BACKRELIEF_TEST_RULES_DIR;
  return options;
}

const Recommender& shipped() {
  static const Recommender recommender = Recommender::load(shipped_from_source());
  return recommender;
}

ProfileInput knots_under_the_shoulder_blade() {
  ProfileInput person;
  person.description = "dull ache low in my back after sitting, knots under my shoulder blade";
  person.pressure = "firm";
  return person;
}

TEST(Recommender, RanksTechniquesWithTheirReasonsAndAftercare) {
  const Answer answer = shipped().recommend(knots_under_the_shoulder_blade());
  EXPECT_FALSE(answer.referral());
  ASSERT_FALSE(answer.suggestions().empty());
  const Suggestion& first = answer.suggestions().front();
  EXPECT_EQ(first.rank, 1);
  EXPECT_FALSE(first.name.empty());
  EXPECT_FALSE(first.reasons.empty());
  EXPECT_FALSE(first.aftercare.empty());
  for (std::size_t i = 1; i < answer.suggestions().size(); ++i) {
    EXPECT_GE(answer.suggestions()[i - 1].score, answer.suggestions()[i].score);
  }
  const auto reads_knots = std::any_of(first.reasons.begin(), first.reasons.end(), [](const Reason& reason) {
    return std::find(reason.from.begin(), reason.from.end(), "knots") != reason.from.end();
  });
  const auto any_knots = std::any_of(answer.suggestions().begin(), answer.suggestions().end(), [](const Suggestion& s) {
    return std::any_of(s.reasons.begin(), s.reasons.end(), [](const Reason& reason) {
      return std::any_of(reason.from.begin(), reason.from.end(),
                         [](const std::string& words) { return words.find("knots") != std::string::npos; });
    });
  });
  EXPECT_TRUE(any_knots || reads_knots) << answer.to_json();
  EXPECT_NE(answer.disclaimer().find("not"), std::string_view::npos);
  EXPECT_FALSE(answer.advice().empty());
}

TEST(Recommender, ARedFlagRefersAndSuggestsNothing) {
  ProfileInput person;
  person.description = "low back pain and numbness in the saddle area since yesterday";
  const Answer answer = shipped().recommend(person);
  ASSERT_TRUE(answer.referral());
  EXPECT_EQ(answer.referral()->level, ReferralLevel::emergency);
  ASSERT_FALSE(answer.referral()->signs.empty());
  EXPECT_FALSE(answer.referral()->advice.empty());
  EXPECT_TRUE(answer.suggestions().empty());
  EXPECT_FALSE(answer.for_therapist()); // nobody to send to a therapist
  EXPECT_FALSE(answer.screening().reported.empty());
}

TEST(Recommender, AContraindicationExcludesWithItsReason) {
  ProfileInput person;
  person.conditions = {"blood-thinners"};
  person.pressure = "firm";
  const Answer answer = shipped().recommend(person);
  const auto deep = std::find_if(answer.excluded().begin(), answer.excluded().end(),
                                 [](const Exclusion& exclusion) { return exclusion.technique == "deep-tissue"; });
  ASSERT_NE(deep, answer.excluded().end()) << answer.to_json();
  ASSERT_FALSE(deep->reasons.empty());
  EXPECT_FALSE(deep->reasons.front().rule.empty());
  EXPECT_FALSE(deep->reasons.front().text.empty());
}

TEST(Recommender, AHintOfAWarningSignIsAskedFirstAndAnAnswerSettlesIt) {
  ProfileInput person;
  person.description = "my lower back aches and I keep needing to pee";
  const Answer asked = shipped().recommend(person);
  ASSERT_FALSE(asked.check_first().empty()) << asked.to_json();
  const SignQuestion& question = asked.check_first().front();
  EXPECT_FALSE(question.question.empty());
  EXPECT_FALSE(question.if_yes.empty());
  person.answers.emplace_back(question.id, "no");
  const Answer answered = shipped().recommend(person);
  EXPECT_TRUE(std::none_of(answered.check_first().begin(), answered.check_first().end(),
                           [&](const SignQuestion& again) { return again.id == question.id; }));
}

TEST(Recommender, BadValuesAreOneErrorNamingEachField) {
  ProfileInput person;
  person.pressure = "firmm";
  person.areas = {"lower-bak"};
  person.year = -5;
  try {
    static_cast<void>(shipped().recommend(person));
    FAIL() << "expected an Error";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::invalid_input);
    ASSERT_EQ(error.diagnostics().size(), 3U);
    EXPECT_EQ(error.diagnostics()[0].field, "pressure");
    EXPECT_NE(error.diagnostics()[0].message.find("firm"), std::string::npos);
    EXPECT_EQ(error.diagnostics()[1].field, "area");
    EXPECT_EQ(error.diagnostics()[2].field, "year");
  }
}

TEST(Recommender, AValueWithNothingCloseListsWhatThereIs) {
  ProfileInput person;
  person.avoid = {"thai"};
  person.intensity = std::numeric_limits<double>::quiet_NaN();
  try {
    static_cast<void>(shipped().recommend(person));
    FAIL() << "expected an Error";
  } catch (const Error& error) {
    ASSERT_EQ(error.diagnostics().size(), 2U);
    EXPECT_EQ(error.diagnostics()[0].field, "avoid");
    EXPECT_NE(error.diagnostics()[0].message.find("expected one of deep-tissue, swedish"), std::string::npos)
        << error.diagnostics()[0].message;
    EXPECT_EQ(error.diagnostics()[1].field, "intensity");
    EXPECT_EQ(error.diagnostics()[1].message, "not a number: expected a pain level from 0 to 10");
  }
}

TEST(Recommender, ABrokenRuleTextIsAnErrorWithItsPlace) {
  LoadOptions options = shipped_from_source();
  options.rule_texts.push_back({"clinic.yaml", "version: 1\nrules:\n  - id: x\n    when: {pressure: firmm}\n"});
  try {
    static_cast<void>(Recommender::load(options));
    FAIL() << "expected an Error";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::invalid_rules);
    ASSERT_FALSE(error.diagnostics().empty());
    const Diagnostic& first = error.diagnostics().front();
    EXPECT_EQ(first.where.file, "clinic.yaml");
    EXPECT_GT(first.where.line, 0);
    EXPECT_GT(first.where.column, 0);
    EXPECT_EQ(std::string(error.what()).rfind("clinic.yaml:", 0), 0U) << error.what();
  }
}

TEST(Recommender, AMissingRulePathIsAnIoError) {
  LoadOptions options = shipped_from_source();
  options.rule_paths.emplace_back("/nonexistent/clinic.yaml");
  try {
    static_cast<void>(Recommender::load(options));
    FAIL() << "expected an Error";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::io);
    EXPECT_EQ(error.diagnostics().front().where.file, "/nonexistent/clinic.yaml");
    EXPECT_EQ(std::string(error.what()), "/nonexistent/clinic.yaml: no such rule file or directory");
  }
}

TEST(Recommender, ReadsItsRulesBackFromTheCacheAndTakesABrokenEntryForAMiss) {
  std::string where = (std::filesystem::temp_directory_path() / "backrelief-api-cache-XXXXXX").string();
  ASSERT_NE(mkdtemp(where.data()), nullptr);
  const std::filesystem::path cache = where;
  LoadOptions options = shipped_from_source();
  options.cache_directory = cache;
  const std::string parsed = Recommender::load(options).recommend(knots_under_the_shoulder_blade()).to_json();
  std::vector<std::filesystem::path> entries;
  for (const auto& entry : std::filesystem::directory_iterator(cache)) {
    entries.push_back(entry.path());
  }
  ASSERT_FALSE(entries.empty()) << "nothing was cached in " << cache;
  EXPECT_EQ(Recommender::load(options).recommend(knots_under_the_shoulder_blade()).to_json(), parsed);
  for (const auto& entry : entries) {
    std::ofstream(entry, std::ios::trunc) << "not a rule cache";
  }
  EXPECT_EQ(Recommender::load(options).recommend(knots_under_the_shoulder_blade()).to_json(), parsed);
  std::filesystem::remove_all(cache);
}

TEST(Recommender, ARuleTextPastTheSizeLimitIsRefused) {
  LoadOptions options;
  options.shipped_rules = false;
  options.max_rule_bytes = 64;
  options.rule_texts.push_back({"big.yaml", std::string(100, '#')});
  try {
    static_cast<void>(Recommender::load(options));
    FAIL() << "expected an Error";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::io);
    EXPECT_EQ(error.diagnostics().front().where.file, "big.yaml");
  }
}

TEST(Recommender, NamesItsTechniquesAndQuestions) {
  const std::vector<std::string> techniques = shipped().techniques();
  for (const char* id : {"deep-tissue", "swedish", "neuromuscular", "myofascial"}) {
    EXPECT_NE(std::find(techniques.begin(), techniques.end(), id), techniques.end()) << id;
  }
  const std::vector<std::string> questions = shipped().questions();
  EXPECT_FALSE(questions.empty());
  // Each is a key of ProfileInput::answers: answering every one "no" is accepted.
  ProfileInput person;
  for (const std::string& id : questions) {
    person.answers.emplace_back(id, "no");
  }
  EXPECT_NO_THROW(static_cast<void>(shipped().recommend(person)));
}

TEST(Answer, ItsJsonIsTheDocumentOfTheContract) {
  const Answer answer = shipped().recommend(knots_under_the_shoulder_blade());
  const auto document = nlohmann::json::parse(answer.to_json());
  EXPECT_EQ(document["schema"], json_schema_version());
  EXPECT_EQ(document["suggestions"].size(), answer.suggestions().size());
  EXPECT_EQ(document["suggestions"][0]["technique"], answer.suggestions().front().technique);
  EXPECT_EQ(document["advice"].size(), answer.advice().size());
  ASSERT_TRUE(answer.for_therapist());
  EXPECT_EQ(document["for_therapist"]["technique"], answer.for_therapist()->technique);
  EXPECT_EQ(document["for_therapist"]["pressure"], answer.for_therapist()->pressure);
  EXPECT_EQ(document["for_therapist"]["areas"], answer.for_therapist()->areas);
  EXPECT_EQ(document["for_therapist"]["cautions"], answer.for_therapist()->cautions);
  EXPECT_EQ(document["screening"]["reported"], answer.screening().reported);
  EXPECT_EQ(document["screening"]["denied"], answer.screening().denied);
  EXPECT_EQ(document["screening"]["not_mentioned"], answer.screening().not_mentioned);
  const std::string one_line = answer.to_json(JsonLayout::one_line);
  EXPECT_EQ(one_line.find('\n'), std::string::npos);
  EXPECT_EQ(nlohmann::json::parse(one_line), document);
}

TEST(Answer, OutlivesItsRecommender) {
  std::optional<Answer> kept;
  {
    const Recommender own = Recommender::load(shipped_from_source());
    kept = own.recommend(knots_under_the_shoulder_blade());
  }
  EXPECT_FALSE(kept->suggestions().empty());
  EXPECT_NE(kept->to_json().find("\"suggestions\""), std::string::npos);
}

TEST(Analysis, FindsWhatIsSaidAndWhatIsSetAside) {
  const Analysis analysis = shipped().analyze("no numbness, but my back aches; I am 52", 2026);
  ASSERT_FALSE(analysis.findings().empty());
  const auto negated = std::find_if(analysis.findings().begin(), analysis.findings().end(),
                                    [](const Finding& finding) { return finding.status == "negated"; });
  ASSERT_NE(negated, analysis.findings().end()) << analysis.to_json();
  EXPECT_NE(negated->words.find("numbness"), std::string::npos);
  ASSERT_TRUE(analysis.age());
  EXPECT_EQ(analysis.age()->value, 52);
  EXPECT_EQ(nlohmann::json::parse(analysis.to_json())["schema"], json_schema_version());
}

TEST(Version, TheLibraryIsTheVersionOfItsHeaders) {
  EXPECT_EQ(library_version(), BACKRELIEF_VERSION_STRING);
  EXPECT_EQ(std::to_string(BACKRELIEF_VERSION_MAJOR) + "." + std::to_string(BACKRELIEF_VERSION_MINOR) + "." +
                std::to_string(BACKRELIEF_VERSION_PATCH),
            BACKRELIEF_VERSION_STRING);
  EXPECT_GE(json_schema_version(), 2);
}

// One loaded rule set, many threads: every thread's answers are those of one thread alone. Run
// under the thread sanitizer (the tsan preset), this is the test of the library's thread safety.
TEST(Recommender, ThreadsShareOneRuleSet) {
  const std::vector<std::string> descriptions = {
      "dull ache low in my back after sitting, knots under my shoulder blade",
      "sharp pain down my leg and numbness in the saddle area",
      "my neck is stiff, I had surgery on my back 3 weeks ago",
      "stiff mid back, my mother had cancer, I run a lot",
      "lower back pain for 6 months, 7/10, worse when I bend, taking warfarin",
      "achey bakc with tight musles, not numb, no fever",
  };
  std::vector<std::string> alone;
  for (const std::string& description : descriptions) {
    ProfileInput person;
    person.description = description;
    alone.push_back(shipped().recommend(person).to_json(JsonLayout::one_line) +
                    shipped().analyze(description).to_json(JsonLayout::one_line));
  }
  const Recommender recommender = Recommender::load(shipped_from_source()); // nothing used yet
  constexpr int k_threads = 4;
  constexpr int k_rounds = 8;
  std::vector<std::vector<std::string>> seen(k_threads);
  std::vector<std::thread> threads;
  for (int t = 0; t < k_threads; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < k_rounds; ++round) {
        for (std::size_t i = 0; i < descriptions.size(); ++i) {
          const std::size_t which = (i + static_cast<std::size_t>(t)) % descriptions.size();
          ProfileInput person;
          person.description = descriptions[which];
          const Answer answer = recommender.recommend(person);
          static_cast<void>(answer.suggestions()); // the data, built on first read
          seen[static_cast<std::size_t>(t)].push_back(
              std::to_string(which) + answer.to_json(JsonLayout::one_line) +
              recommender.analyze(descriptions[which]).to_json(JsonLayout::one_line));
        }
      }
    });
  }
  for (std::thread& thread : threads) {
    thread.join();
  }
  for (const auto& results : seen) {
    ASSERT_EQ(results.size(), descriptions.size() * k_rounds);
    for (const std::string& result : results) {
      const std::size_t which = static_cast<std::size_t>(result[0] - '0');
      EXPECT_EQ(result.substr(1), alone[which]) << descriptions[which];
    }
  }
}

// One answer read from many threads at once: its data is built once.
TEST(Answer, ManyThreadsReadOneAnswer) {
  const Answer answer = shipped().recommend(knots_under_the_shoulder_blade());
  std::vector<std::thread> threads;
  std::vector<std::size_t> counts(4);
  for (std::size_t t = 0; t < counts.size(); ++t) {
    threads.emplace_back([&, t] { counts[t] = answer.suggestions().size() + answer.excluded().size(); });
  }
  for (std::thread& thread : threads) {
    thread.join();
  }
  EXPECT_TRUE(std::all_of(counts.begin(), counts.end(), [&](std::size_t count) { return count == counts[0]; }));
  EXPECT_GT(counts[0], 0U);
}

} // namespace
} // namespace backrelief
