#include "core/text/text_numbers.hpp"

#include "core/text/tokenizer.hpp"
#include "test_support.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace backrelief {
namespace {

/// The shipped context rules, which say whose a number is ("my dad is 80").
const ContextCues& shipped_cues() {
  static const RuleSet rules = test_support::load_text(
      "version: 1\ntechniques:\n  - {id: swedish, name: Swedish, summary: Gentle strokes., pressure: [low]}\n");
  return rules.vocabulary().context();
}

/// The numbers read from `text`, with no facts.
TextAnalysis numbers_of(std::string_view text) {
  TextAnalysis analysis;
  const std::vector<Token> tokens = tokenize(text);
  read_numbers(text, tokens, shipped_cues(), analysis);
  return analysis;
}

/// A number and the words it came from, as `value "words"`, or "none".
std::string shown(const std::optional<TextNumber>& number) {
  return number ? fmt::format("{} \"{}\"", number->value, number->from) : "none";
}

std::string age_of(std::string_view text) {
  return shown(numbers_of(text).age);
}
std::string duration_of(std::string_view text) {
  return shown(numbers_of(text).duration_weeks);
}
std::string intensity_of(std::string_view text) {
  return shown(numbers_of(text).intensity);
}

TEST(TextNumbers, NothingInPlainText) {
  const TextAnalysis analysis = numbers_of("my lower back is stiff");
  EXPECT_EQ(shown(analysis.age), "none");
  EXPECT_EQ(shown(analysis.duration_weeks), "none");
  EXPECT_EQ(shown(analysis.intensity), "none");
  EXPECT_TRUE(analysis.facts.empty());
}

TEST(TextNumbers, ReadsTheAgeAsPeopleSayIt) {
  EXPECT_EQ(age_of("I'm 72 and stiff"), "72 \"I'm 72\"");
  EXPECT_EQ(age_of("I am 72"), "72 \"I am 72\"");
  EXPECT_EQ(age_of("aged 45, office worker"), "45 \"aged 45\"");
  EXPECT_EQ(age_of("Stiff. 72 years old."), "72 \"72 years old\"");
  EXPECT_EQ(age_of("a man of 72 years of age"), "72 \"72 years of age\"");
  EXPECT_EQ(age_of("Female, 38 yo"), "38 \"38 yo\"");
}

TEST(TextNumbers, ReadsAnAgeInDecadesOnlyWhenItIsThePersonsNow) {
  EXPECT_EQ(age_of("I'm in my sixties and stiff"), "65 \"I'm in my sixties\"");
  EXPECT_EQ(age_of("a woman in my late 50s with a sore back"), "58 \"woman in my late 50s\"");
  EXPECT_EQ(age_of("now in my early seventies"), "72 \"now in my early seventies\"");
  EXPECT_EQ(age_of("I am in my teens"), "15 \"am in my teens\"");
  // A decade alone dates something past; another person's decade is theirs.
  EXPECT_EQ(age_of("I broke my leg in my twenties"), "none");
  EXPECT_EQ(age_of("my mum is in her sixties"), "none");
}

TEST(TextNumbers, APluralUnitAfterForIsAtLeastTwo) {
  EXPECT_EQ(duration_of("my back has ached for years"), "104 \"for years\"");
  EXPECT_EQ(duration_of("stiff for many months now"), fmt::format("{} \"for many months\"", 2 * 52.0 / 12));
  EXPECT_EQ(duration_of("pain free for years until last week"), "none");
  EXPECT_EQ(duration_of("for 3 years"), "156 \"for 3 years\"") << "a count is read as before";
}

TEST(TextNumbers, AnAgeIsNotADuration) {
  const TextAnalysis analysis = numbers_of("I am 72 years old");
  EXPECT_EQ(shown(analysis.age), "72 \"72 years old\"");
  EXPECT_EQ(shown(analysis.duration_weeks), "none");
}

TEST(TextNumbers, ARelativesAgeIsNotThePersons) {
  const TextAnalysis analysis = numbers_of("my dad is 80 years old");
  EXPECT_EQ(shown(analysis.age), "none");
  EXPECT_EQ(shown(analysis.duration_weeks), "none");
  EXPECT_EQ(age_of("my dad is 80 years old and I am 52"), "52 \"I am 52\"");
  EXPECT_EQ(age_of("My mum is 80. I'm 52"), "52 \"I'm 52\"");
}

TEST(TextNumbers, AnAgeOutOfRangeIsNotAnAge) {
  EXPECT_EQ(age_of("aged 0"), "none");
  EXPECT_EQ(age_of("aged 131"), "none");
  EXPECT_EQ(age_of("aged 130"), "130 \"aged 130\"");
}

TEST(TextNumbers, AnAgeInYearsWithoutOldIsAnAge) {
  const TextAnalysis aged = numbers_of("aged 45 years, stiff for 2 weeks");
  EXPECT_EQ(shown(aged.age), "45 \"aged 45 years\"");
  EXPECT_EQ(shown(aged.duration_weeks), "2 \"for 2 weeks\"");
  const TextAnalysis am = numbers_of("I am 45 years and stiff");
  EXPECT_EQ(shown(am.age), "45 \"I am 45 years\"");
  EXPECT_EQ(shown(am.duration_weeks), "none");
}

TEST(TextNumbers, AHeightOrAWeightIsNotAnAge) {
  EXPECT_EQ(age_of("I'm 6 foot tall"), "none");
  EXPECT_EQ(age_of("I'm 95 kg"), "none");
  EXPECT_EQ(age_of("I am 70 kilos"), "none");
}

TEST(TextNumbers, ReadsDurationsInWeeks) {
  EXPECT_EQ(duration_of("stiff for 6 months"), "26 \"for 6 months\"");
  EXPECT_EQ(duration_of("for a year"), "52 \"for a year\"");
  EXPECT_EQ(duration_of("a year"), "52 \"a year\"");
  EXPECT_EQ(duration_of("a few weeks"), "3 \"a few weeks\"");
  EXPECT_EQ(duration_of("for 2 weeks"), "2 \"for 2 weeks\"");
  EXPECT_EQ(duration_of("3 months ago"), "13 \"3 months\"");
  EXPECT_EQ(duration_of("my pain is 3 weeks old"), "3 \"3 weeks\"");
  EXPECT_EQ(duration_of("over the last 2 years"), "104 \"last 2 years\"");
}

TEST(TextNumbers, ReadsDurationsThatAreNotWholeWeeks) {
  const TextAnalysis couple = numbers_of("a couple of months");
  ASSERT_TRUE(couple.duration_weeks.has_value());
  EXPECT_DOUBLE_EQ(couple.duration_weeks->value, 2 * 52.0 / 12.0);
  EXPECT_EQ(couple.duration_weeks->from, "a couple of months");
  const TextAnalysis days = numbers_of("sore for 10 days");
  ASSERT_TRUE(days.duration_weeks.has_value());
  EXPECT_DOUBLE_EQ(days.duration_weeks->value, 10.0 / 7.0);
  EXPECT_EQ(days.duration_weeks->from, "for 10 days");
}

TEST(TextNumbers, HowOftenAndOtherSpansAreNotDurations) {
  EXPECT_EQ(duration_of("I train twice a week"), "none");
  EXPECT_EQ(duration_of("3 times a week"), "none");
  EXPECT_EQ(duration_of("I am 20 weeks pregnant"), "none");
  EXPECT_EQ(duration_of("8 weeks post op"), "none");
  EXPECT_EQ(duration_of("6 weeks after surgery"), "none");
}

TEST(TextNumbers, AYearsOldPainIsADurationAndNotAnAge) {
  const TextAnalysis analysis = numbers_of("my pain is 2 years old");
  EXPECT_EQ(shown(analysis.age), "none");
  EXPECT_EQ(shown(analysis.duration_weeks), "104 \"2 years\"");
}

TEST(TextNumbers, TheLongestDurationWins) {
  EXPECT_EQ(duration_of("stiff for 2 weeks, aching for 3 months"), "13 \"for 3 months\"");
  EXPECT_EQ(duration_of("aching for 3 months, worse for 2 weeks"), "13 \"for 3 months\"");
}

TEST(TextNumbers, ReadsPainIntensityOnAScaleOfTen) {
  EXPECT_EQ(intensity_of("pain 7/10"), "7 \"7/10\"");
  EXPECT_EQ(intensity_of("about 6.5/10 today"), "6.5 \"6.5/10\"");
  EXPECT_EQ(intensity_of("it is 8 out of 10"), "8 \"8 out of 10\"");
  EXPECT_EQ(intensity_of("my pain is 6"), "6 \"pain is 6\"");
  EXPECT_EQ(intensity_of("pain level of 5 most days"), "5 \"pain level of 5\"");
  EXPECT_EQ(intensity_of("0/10 at rest"), "0 \"0/10\"");
}

TEST(TextNumbers, AnIntensityAboveTheScaleIsAsStrongAsItGoes) {
  EXPECT_EQ(intensity_of("12/10"), "10 \"12/10\"");
  EXPECT_EQ(intensity_of("pain 15 out of 10"), "10 \"15 out of 10\"");
  EXPECT_EQ(intensity_of("pain is 12"), "none") << "no scale said: not an intensity";
}

TEST(TextNumbers, HundredsThousandsAndHalves) {
  EXPECT_EQ(age_of("I'm a hundred and one"), "101 \"I'm a hundred and one\"");
  EXPECT_EQ(duration_of("for a hundred and twenty days"),
            fmt::format("{} \"for a hundred and twenty days\"", 120.0 / 7));
  EXPECT_EQ(duration_of("three and a half months"), fmt::format("{} \"three and a half months\"", 3.5 * 52 / 12));
  EXPECT_EQ(intensity_of("pain seven and a half out of ten"), "7.5 \"seven and a half out of ten\"");
  EXPECT_EQ(duration_of("for 2,000 days"), fmt::format("{} \"for 2,000 days\"", 2000.0 / 7));
  EXPECT_EQ(duration_of("for 1,200 days"), fmt::format("{} \"for 1,200 days\"", 1200.0 / 7));
  EXPECT_EQ(duration_of("for 3, 200 days"), fmt::format("{} \"200 days\"", 200 * (1.0 / 7)))
      << "a comma and a space: two numbers";
}

TEST(TextNumbers, AnAgeOnlyWhereTheWordsSayAge) {
  EXPECT_EQ(age_of("I'm one of those people who never rests"), "none");
  EXPECT_EQ(age_of("I'm five minutes from the clinic"), "none");
  EXPECT_EQ(age_of("I'm a hundred percent sure"), "none");
  EXPECT_EQ(age_of("I'm fifty-fifty on it"), "none");
  EXPECT_EQ(age_of("I'm seventy"), "70 \"I'm seventy\"");
}

// Of two ages, the one said in plain words of an age wins; the other is kept as set aside.
TEST(TextNumbers, ThePlainerOfTwoAgesWins) {
  const auto age = [](std::string_view text) {
    const auto read = numbers_of(text).age;
    return read ? fmt::format("{:g} \"{}\" over \"{}\"", read->value, read->from, read->over) : "none";
  };
  EXPECT_EQ(age("I'm 12 again at heart but 80 years old"), "80 \"80 years old\" over \"I'm 12\"");
  EXPECT_EQ(age("I'm 12 stone and 80 years old"), "80 \"80 years old\" over \"\""); // a weight is no age
  EXPECT_EQ(age("I'm 5, well, aged 81 really"), "81 \"aged 81\" over \"I'm 5\"");
  EXPECT_EQ(age("aged 81, I'm 5 foot 2"), "81 \"aged 81\" over \"\"");     // a measure is no reading
  EXPECT_EQ(age("72 years old, I'm 72"), "72 \"72 years old\" over \"\""); // the same age twice
  EXPECT_EQ(age("I'm 40 and I am 45"), "40 \"I'm 40\" over \"I am 45\"");  // equally plain: the first
}

TEST(TextNumbers, AFigureOnAnotherScaleIsNotAnIntensity) {
  EXPECT_EQ(intensity_of("pain 3/5"), "none");
  EXPECT_EQ(intensity_of("pain is 7/9"), "none");
}

TEST(TextNumbers, AnIntensityIsNotAnAgeOrADuration) {
  const TextAnalysis analysis = numbers_of("I'm 40, pain 7/10 for 6 months");
  EXPECT_EQ(shown(analysis.age), "40 \"I'm 40\"");
  EXPECT_EQ(shown(analysis.intensity), "7 \"7/10\"");
  EXPECT_EQ(shown(analysis.duration_weeks), "26 \"for 6 months\"");
  EXPECT_EQ(intensity_of("pain for 6 weeks"), "none");
}

TEST(TextNumbers, TheFirstIntensityWins) {
  EXPECT_EQ(intensity_of("7/10 now, was 9/10 last week"), "7 \"7/10\"");
  EXPECT_EQ(intensity_of("pain is 4, at worst 8 out of 10"), "4 \"pain is 4\"");
}

TEST(TextNumbers, ReadsAgesInWords) {
  EXPECT_EQ(age_of("I'm seventy and my back hurts"), "70 \"I'm seventy\"");
  EXPECT_EQ(age_of("aged sixty-five"), "65 \"aged sixty-five\"");
  EXPECT_EQ(age_of("seventy-two years old"), "72 \"seventy-two years old\"");
  EXPECT_EQ(age_of("I am eighty one"), "81 \"I am eighty one\"");
  EXPECT_EQ(age_of("I'm a nurse"), "none");
  EXPECT_EQ(age_of("I'm twenty stone"), "none");
  EXPECT_EQ(age_of("my mum is seventy"), "none");
}

TEST(TextNumbers, ReadsDurationsInEverydayWords) {
  EXPECT_EQ(duration_of("back pain for a fortnight"), "2 \"for a fortnight\"");
  EXPECT_EQ(duration_of("aching for half a year"), "26 \"for half a year\"");
  EXPECT_EQ(duration_of("sore since last week"), "1 \"since last week\"");
  EXPECT_EQ(duration_of("stiff since last month"), fmt::format("{} \"since last month\"", 52.0 / 12.0));
  EXPECT_EQ(duration_of("since yesterday my back hurts"), fmt::format("{} \"since yesterday\"", 1.0 / 7));
  EXPECT_EQ(duration_of("for twenty-one days"), "3 \"for twenty-one days\"");
}

TEST(TextNumbers, WhenAnEventHappenedIsNotHowLongThePainHasLasted) {
  EXPECT_EQ(duration_of("I had a hip replacement 3 weeks ago"), "none");
  EXPECT_EQ(duration_of("breast cancer 5 years ago"), "none");
  EXPECT_EQ(duration_of("broke my wrist 2 years ago"), "none");
  EXPECT_EQ(duration_of("34 weeks along"), "none");
  EXPECT_EQ(duration_of("breast cancer 5 years ago, back sore for 2 weeks"), "2 \"for 2 weeks\"");
  EXPECT_EQ(duration_of("my back pain started 3 weeks ago"), "3 \"3 weeks\"");
}

/// The event times of `text` read in 2026, as `weeks "words"`.
std::vector<std::string> events_of(std::string_view text) {
  const std::vector<Token> tokens = tokenize(text);
  std::vector<std::string> out;
  for (const EventTime& event : read_event_times(tokens, shipped_cues(), 2026)) {
    out.push_back(
        fmt::format("{:.0f} \"{}\"", event.weeks_ago,
                    text.substr(tokens[event.first].begin, tokens[event.last].end - tokens[event.first].begin)));
  }
  return out;
}

TEST(EventTimes, ReadsWhenThingsHappened) {
  using Events = std::vector<std::string>;
  EXPECT_EQ(events_of("a DVT in 2019"), Events{"364 \"2019\""});
  EXPECT_EQ(events_of("broke it three years ago"), Events{"156 \"three years ago\""});
  EXPECT_TRUE(events_of("6 weeks back pain").empty()) << "a span before the back is how long, not when";
  EXPECT_EQ(events_of("had a clot a few years back. My back aches"), Events{"156 \"few years back\""})
      << "'back' with nothing after it in the sentence is 'ago'";
  EXPECT_EQ(duration_of("had a clot a few years back"), "none");
  EXPECT_EQ(events_of("had flu last winter"), Events{"26 \"last winter\""});
  EXPECT_EQ(events_of("fell yesterday"), Events{"0 \"yesterday\""});
}

TEST(EventTimes, WhatGoesOnIsNoEvent) {
  EXPECT_TRUE(events_of("on steroids since 2019").empty());
  EXPECT_TRUE(events_of("night sweats for the last year").empty());
  EXPECT_TRUE(events_of("lost weight over the past year").empty());
  EXPECT_TRUE(events_of("pain for 3 weeks").empty());
  EXPECT_TRUE(events_of("a year in 2031").empty()) << "a year still to come dates nothing";
}

TEST(EventTimes, AYearAloneDatesNothingWhenThisYearIsUnknown) {
  const std::vector<Token> tokens = tokenize("a DVT in 2019");
  EXPECT_TRUE(read_event_times(tokens, shipped_cues(), 0).empty());
}

} // namespace
} // namespace backrelief
