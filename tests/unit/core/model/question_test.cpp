#include "core/model/question.hpp"

#include <gtest/gtest.h>

namespace backrelief {
namespace {

TEST(SignAnswer, ReadsTheWaysPeopleAnswer) {
  for (const char* text : {"yes", "Y", " YES ", "yes."}) {
    EXPECT_EQ(parse_sign_answer(text), SignAnswer::yes) << text;
  }
  for (const char* text : {"no", "N", "No"}) {
    EXPECT_EQ(parse_sign_answer(text), SignAnswer::no) << text;
  }
  for (const char* text : {"not sure", "not-sure", "Not_Sure", "unsure", "don't know", "dont know", "?"}) {
    EXPECT_EQ(parse_sign_answer(text), SignAnswer::not_sure) << text;
  }
}

TEST(SignAnswer, RefusesAnythingElse) {
  for (const char* text : {"", "maybe", "yess", "nope", "1", "yes no"}) {
    EXPECT_EQ(parse_sign_answer(text), std::nullopt) << text;
  }
}

TEST(SignAnswer, WritesWhatItReads) {
  for (SignAnswer answer : {SignAnswer::yes, SignAnswer::no, SignAnswer::not_sure}) {
    EXPECT_EQ(parse_sign_answer(to_string(answer)), answer);
  }
}

TEST(QuestionField, NamesRoundTripAndSayHowTheyAreAnswered) {
  for (const std::string& name : question_field_names()) {
    const auto field = parse_question_field(name);
    ASSERT_TRUE(field.has_value()) << name;
    EXPECT_EQ(to_string(*field), name);
  }
  EXPECT_EQ(parse_question_field("areas"), std::nullopt);
  EXPECT_TRUE(is_choice(QuestionField::area));
  EXPECT_TRUE(allows_several(QuestionField::condition));
  EXPECT_TRUE(is_choice(QuestionField::pressure));
  EXPECT_FALSE(allows_several(QuestionField::pressure));
  EXPECT_FALSE(is_choice(QuestionField::sign));
  EXPECT_FALSE(is_choice(QuestionField::age));
}

} // namespace
} // namespace backrelief
