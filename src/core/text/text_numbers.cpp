#include "core/text/text_numbers.hpp"

#include "core/text/context_cues.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <optional>
#include <unordered_map>
#include <utility>

namespace backrelief {

namespace {

constexpr double k_weeks_per_month = 52.0 / 12.0;
constexpr double k_max_intensity = 10.0;
constexpr double k_max_years = 130.0;
// "last winter", "last Christmas": half a year back, near enough to tell a recent event from an old one.
constexpr double k_weeks_per_season_ago = 26.0;
// A four-digit number from this year on is a year when it is not followed by a unit.
constexpr double k_first_year = 1900.0;

class NumberReader {
public:
  NumberReader(std::string_view text, std::span<const Token> tokens, const ContextCues& cues, TextAnalysis& analysis)
      : m_text(text), m_tokens(tokens), m_cues(cues), m_analysis(analysis) {}

  void read() {
    for (std::size_t i = 0; i < m_tokens.size(); ++i) {
      if (try_since(i) || try_decade_age(i) || try_bare_span(i)) {
        continue;
      }
      const auto value = number_at(i);
      if (!value) {
        continue;
      }
      const std::size_t length = number_length(i);
      if (const auto weeks = clinical_fraction(i)) {
        // "LBP 2/52": a clinic's shorthand for a span; "a fall 5/7 ago" is when, not how long.
        if (!ago_at(i + 3) && !about_an_event(i)) {
          record_duration(*weeks, i, i + 2);
        }
        i += 2;
        continue;
      }
      if (!try_intensity(i, *value, length) && !try_age(i, *value, length)) {
        try_duration(i, *value, length);
      }
      i += length - 1;
    }
  }

private:
  [[nodiscard]] std::string_view word(std::size_t i) const {
    return i < m_tokens.size() && m_tokens[i].kind == TokenKind::word ? std::string_view{m_tokens[i].text}
                                                                      : std::string_view{};
  }

  // "3 weeks ago", and "a few years back" where nothing follows "back" in the sentence: "3
  // years back pain" is how long the pain has lasted.
  [[nodiscard]] bool ago_at(std::size_t i) const {
    return word(i) == "ago" || (word(i) == "back" && word(i + 1).empty());
  }

  /// A number as written, and how many tokens it takes.
  struct Number {
    double value = 0;
    std::size_t length = 1;
  };

  [[nodiscard]] std::optional<double> number_at(std::size_t i) const {
    const auto number = number_here(i);
    return number ? std::optional<double>(number->value) : std::nullopt;
  }

  // How many tokens the number at i takes: two for "seventy two" and "half a", more for "a
  // hundred and one", "2,000" or "three and a half".
  [[nodiscard]] std::size_t number_length(std::size_t i) const {
    const auto number = number_here(i);
    return number ? number->length : 1;
  }

  [[nodiscard]] std::optional<Number> number_here(std::size_t i) const {
    auto number = is_digits(i) ? digits_here(i) : words_here(i);
    if (!number) {
      return std::nullopt;
    }
    // "three and a half months", "7 and a half out of 10"
    const std::size_t after = i + number->length;
    if (word(after) == "and" && (word(after + 1) == "a" || word(after + 1) == "an") && word(after + 2) == "half") {
      number->value += 0.5;
      number->length += 3;
    }
    return number;
  }

  // Digits, with the thousands written apart: "2,000", "1,200,000".
  [[nodiscard]] std::optional<Number> digits_here(std::size_t i) const {
    auto value = digits_value(i);
    if (!value) {
      return std::nullopt;
    }
    Number number{*value, 1};
    for (std::size_t comma = i + 1; comma + 1 < m_tokens.size(); comma += 2) {
      const Token& mark = m_tokens[comma];
      const Token& group = m_tokens[comma + 1];
      const bool thousands =
          mark.kind == TokenKind::comma && mark.text == "," && m_tokens[comma - 1].end == mark.begin &&
          mark.end == group.begin && group.kind == TokenKind::number && group.text.size() == 3 &&
          group.text.find('.') == std::string::npos && m_tokens[comma - 1].text.find('.') == std::string::npos;
      const auto rest = thousands ? digits_value(comma + 1) : std::nullopt;
      if (!rest) {
        break;
      }
      number.value = number.value * 1000 + *rest;
      number.length += 2;
    }
    return number;
  }

  [[nodiscard]] std::optional<double> digits_value(std::size_t i) const {
    const Token& token = m_tokens[i];
    double value = 0;
    const auto [end, error] =
        std::from_chars(token.text.data(), token.text.data() + token.text.size(), value, std::chars_format::fixed);
    if (error == std::errc{} && end == token.text.data() + token.text.size()) {
      return value;
    }
    return std::nullopt;
  }

  // Number words: "seventy two" (the tokenizer reads "seventy-two" so), "half a", "a hundred and
  // one"; "fifty-fifty" is no number.
  [[nodiscard]] std::optional<Number> words_here(std::size_t i) const {
    if (word(i) == "half" && (word(i + 1) == "a" || word(i + 1) == "an")) {
      return Number{0.5, 2}; // "half a year"
    }
    const auto value = number_word(word(i));
    if (!value || (is_tens_word(word(i)) && word(i + 1) == word(i))) {
      return std::nullopt;
    }
    Number number{*value, 1};
    if (const auto units = units_after_tens(i)) {
      number = Number{*value + *units, 2};
    }
    if (word(i + number.length) == "hundred" && number.value < 10 && number.value == std::floor(number.value)) {
      number.value *= 100;
      number.length += 1;
      const std::size_t rest = i + number.length + (word(i + number.length) == "and" ? 1 : 0);
      const auto more = is_vague_number_word(word(rest)) ? std::nullopt : number_word(word(rest));
      if (more && *more < 100) {
        const auto units = units_after_tens(rest);
        number.value += *more + units.value_or(0);
        number.length = rest - i + (units ? 2 : 1);
      }
    }
    return number;
  }

  // The count words, units and the words around numbers are the context file's `number-words`.
  [[nodiscard]] std::optional<double> number_word(std::string_view text) const { return m_cues.count_value(text); }
  [[nodiscard]] bool is_vague_number_word(std::string_view text) const {
    return m_cues.has_role(text, NumberRole::some);
  }
  // "twenty", "seventy": a count of whole tens from 20 to 90, which a units word may follow.
  [[nodiscard]] bool is_tens_word(std::string_view text) const {
    const auto value = number_word(text);
    return value && !is_vague_number_word(text) && *value >= 20 && *value <= 90 && std::fmod(*value, 10) == 0;
  }

  // The units of "seventy two" when token i is a tens word followed by one.
  [[nodiscard]] std::optional<double> units_after_tens(std::size_t i) const {
    if (!is_tens_word(word(i)) || is_vague_number_word(word(i + 1))) {
      return std::nullopt;
    }
    const auto units = number_word(word(i + 1));
    return units && *units < 10 ? units : std::nullopt;
  }

  // "since yesterday", "since last week": how long, counted back from now.
  bool try_since(std::size_t i) {
    if (word(i) != "since") {
      return false;
    }
    std::optional<double> weeks;
    std::size_t last = i + 1;
    if (word(i + 1) == "yesterday" || word(i + 1) == "today" || word(i + 1) == "tonight") {
      weeks = 1.0 / 7;
    } else if ((word(i + 1) == "last" || word(i + 1) == "this") &&
               (word(i + 2) == "night" || word(i + 2) == "morning" || word(i + 2) == "evening")) {
      weeks = 1.0 / 7;
      last = i + 2;
    } else if (word(i + 1) == "last" && unit_at(i + 2)) {
      weeks = unit_at(i + 2);
      last = i + 2;
    }
    if (!weeks || about_an_event(i)) {
      return false;
    }
    record_duration(*weeks, i, last);
    return true;
  }

  // Whether the clause before token i names an event whose time a span gives (role `event`).
  [[nodiscard]] bool about_an_event(std::size_t i) const {
    for (std::size_t k = i; k-- > 0;) {
      const Token& token = m_tokens[k];
      if (token.kind == TokenKind::sentence_end || token.kind == TokenKind::question_end ||
          token.kind == TokenKind::comma) {
        return false;
      }
      if (m_cues.has_role(word(k), NumberRole::event)) {
        return true;
      }
    }
    return false;
  }

  void record_duration(double total, std::size_t first, std::size_t last) {
    // The longest span said is the one that tells how long-standing the pain is.
    if (!m_analysis.duration_weeks || total > m_analysis.duration_weeks->value) {
      m_analysis.duration_weeks = TextNumber{total, span(first, last), {}};
    }
  }

  [[nodiscard]] bool is_digits(std::size_t i) const {
    return i < m_tokens.size() && m_tokens[i].kind == TokenKind::number;
  }

  [[nodiscard]] std::string span(std::size_t first, std::size_t last) const {
    return std::string(m_text.substr(m_tokens[first].begin, m_tokens[last].end - m_tokens[first].begin));
  }

  bool try_intensity(std::size_t i, double value, std::size_t length) {
    const std::size_t after = i + length; // the first token after the number
    std::optional<std::size_t> last;
    bool on_the_scale = false;
    if (after + 1 < m_tokens.size() && m_tokens[after].kind == TokenKind::slash &&
        number_at(after + 1) == k_max_intensity) {
      last = after + 1; // 7/10
      on_the_scale = true;
    } else if (word(after) == "out" && word(after + 1) == "of" && number_at(after + 2) == k_max_intensity) {
      last = after + 2; // 7 out of 10
      on_the_scale = true;
    }
    std::size_t first = i;
    const bool other_scale = after < m_tokens.size() && m_tokens[after].kind == TokenKind::slash;
    if (!last && !other_scale && is_digits(i) && i > 0 && !unit_at(after)) {
      // "pain 7", "pain is 7", "pain level of 7"
      std::size_t back = i - 1;
      while (back > 0 && (word(back) == "is" || word(back) == "level" || word(back) == "of" || word(back) == "at" ||
                          word(back) == "score" || word(back) == "about" || word(back) == "around")) {
        --back;
      }
      if (word(back) == "pain") {
        last = i;
        first = back;
      }
    }
    if (on_the_scale && value > k_max_intensity) {
      value = k_max_intensity; // "pain 12/10": off the scale, so as strong as it goes
    }
    if (!last || value < 0 || value > k_max_intensity) {
      return false;
    }
    // The first figure given is how it is now: "7/10 now, was 9/10 last week".
    if (!m_analysis.intensity) {
      m_analysis.intensity = TextNumber{value, span(first, *last), {}};
    }
    return true;
  }

  bool try_age(std::size_t i, double value, std::size_t length) {
    const bool words = !is_digits(i);
    if ((words && length == 1 && is_vague_number_word(word(i))) || value <= 0 || value > k_max_years ||
        value != std::floor(value)) {
      return false;
    }
    const std::size_t after = i + length - 1; // the number's last token
    if (words) {
      // "I'm seventy", "aged sixty-five", "seventy two years old": only with the words of an age.
      return try_age_in_words(i, after, value);
    }
    std::optional<std::pair<std::size_t, std::size_t>> found;
    const bool unit_follows = unit_at(i + 1).has_value();
    const bool years = word(i + 1) == "years" || word(i + 1) == "year" || word(i + 1) == "yrs" || word(i + 1) == "yr";
    if (years && word(i + 2) == "old") {
      found = {i, i + 2}; // 72 years old
    } else if (years && word(i + 2) == "of" && word(i + 3) == "age") {
      found = {i, i + 3}; // 72 years of age
    } else if (years && i > 0 &&
               (word(i - 1) == "aged" || word(i - 1) == "age" || word(i - 1) == "im" ||
                (word(i - 1) == "am" && i > 1 && word(i - 2) == "i"))) {
      found = {i > 1 && word(i - 1) == "am" ? i - 2 : i - 1, i + 1}; // aged 45 years, I am 45 years
    } else if (word(i + 1) == "yo") {
      found = {i, i + 1};
    } else if (!unit_follows && i > 0 && (word(i - 1) == "aged" || word(i - 1) == "age" || word(i - 1) == "im")) {
      found = {i - 1, i}; // aged 45, I'm 72
    } else if (!unit_follows && i > 1 && word(i - 1) == "am" && word(i - 2) == "i") {
      found = {i - 2, i};
    }
    // "I'm 6 foot tall", "I'm 95 kg": a measure, not an age; "my pain is 2 years old": a duration.
    if (found && (is_measure(word(i + 1)) || says_no_age(word(i + 1)) || about_the_pain(found->first))) {
      return false;
    }
    if (!found || about_someone_else(i)) {
      return found.has_value();
    }
    // "72 years old", "aged 72", "72yo" name an age; "I'm 72" only implies one.
    const bool plain = years || word(i + 1) == "yo" || word(found->first) == "aged" || word(found->first) == "age";
    keep_age(value, *found, plain);
    return true;
  }

  // Of two ages, the one said in plainer words of an age, else the first: "I'm 5 foot 2 and
  // 80 years old". The other reading's words are kept, so analyze can say what was set aside.
  void keep_age(double value, std::pair<std::size_t, std::size_t> found, bool plain) {
    TextNumber reading{value, span(found.first, found.second), {}};
    if (!m_analysis.age) {
      m_analysis.age = std::move(reading);
      m_plain_age = plain;
    } else if (plain && !m_plain_age) {
      reading.over = std::move(m_analysis.age->from);
      m_analysis.age = std::move(reading);
      m_plain_age = true;
    } else if (m_analysis.age->over.empty() && m_analysis.age->value != value) {
      m_analysis.age->over = std::move(reading.from);
    }
  }

  // "I'm in my sixties", "a man in my late 50s": an age, taken mid-decade ("early" and "late"
  // move it), but only after a word that says it is the person's now (role age-now: "I'm",
  // "now", "a woman"); "in my twenties" alone dates a past event ("I broke my leg in my twenties").
  bool try_decade_age(std::size_t i) {
    const auto decade = decade_at(i);
    if (!decade || i < 3) {
      return false;
    }
    std::size_t my = i - 1;
    double into = 5;
    if (const std::string_view part = word(i - 1); part == "early" || part == "mid" || part == "late") {
      into = part == "early" ? 2 : part == "mid" ? 5 : 8;
      --my;
    }
    if (my < 2 || word(my) != "my" || word(my - 1) != "in" || !m_cues.has_role(word(my - 2), NumberRole::age_now)) {
      return false;
    }
    const std::size_t end = word(i).empty() ? i + 1 : i; // "50s"
    keep_age(*decade + into, {my - 2, end}, false);
    return true;
  }

  // The decade a word names ("sixties", role decade), or written "60s", read as the number 60
  // and the word "s".
  [[nodiscard]] std::optional<double> decade_at(std::size_t i) const {
    if (auto start = m_cues.decade_start(word(i))) {
      return start;
    }
    const std::string_view digits = i < m_tokens.size() && m_tokens[i].kind == TokenKind::number
                                        ? std::string_view{m_tokens[i].text}
                                        : std::string_view{};
    if (digits.size() == 2 && digits[1] == '0' && digits[0] >= '1' && digits[0] <= '9' && word(i + 1) == "s") {
      return static_cast<double>((digits[0] - '0') * 10);
    }
    return std::nullopt;
  }

  // "for years", "for months": a plural unit with no count is at least two of it.
  bool try_bare_span(std::size_t i) {
    const std::string_view unit = word(i);
    const auto weeks = m_cues.unit_weeks(unit);
    if (!weeks || !unit.ends_with('s') || i == 0) {
      return false;
    }
    std::size_t first = i - 1;
    if (word(first) == "many" || word(first) == "so") {
      first -= first > 0 ? 1 : 0;
    }
    const bool pain_free = first >= 1 && (word(first - 1) == "free" ||
                                          (first >= 2 && word(first - 2) == "no" && word(first - 1) == "pain"));
    if (word(first) != "for" || pain_free) {
      return false;
    }
    record_duration(2 * *weeks, first, i);
    return true;
  }

  bool try_age_in_words(std::size_t i, std::size_t after, double value) {
    std::optional<std::pair<std::size_t, std::size_t>> found;
    const bool years = word(after + 1) == "years" || word(after + 1) == "year";
    if (years && word(after + 2) == "old") {
      found = {i, after + 2};
    } else if (!unit_at(after + 1) && i > 0 && (word(i - 1) == "aged" || word(i - 1) == "im")) {
      found = {i - 1, after};
    } else if (!unit_at(after + 1) && i > 1 && word(i - 1) == "am" && word(i - 2) == "i") {
      found = {i - 2, after};
    }
    if (!found || is_measure(word(after + 1)) || says_no_age(word(after + 1)) || about_the_pain(found->first)) {
      return false;
    }
    if (!about_someone_else(i)) {
      keep_age(value, *found, years || word(found->first) == "aged");
    }
    return true;
  }

  // "I'm one of those people", "I'm five minutes from the clinic", "I'm a hundred percent sure":
  // what follows "I'm" and a number says it is no age.
  [[nodiscard]] bool says_no_age(std::string_view next) const { return m_cues.has_role(next, NumberRole::not_an_age); }

  [[nodiscard]] bool is_measure(std::string_view unit) const { return m_cues.has_role(unit, NumberRole::measure); }

  // "my pain is 2 years old", "it is 2 years old": the age of the pain is how long it has lasted.
  [[nodiscard]] bool about_the_pain(std::size_t first) const {
    for (std::size_t k = first; k > 0 && first - k < 3; --k) {
      const std::string_view before = word(k - 1);
      if (before == "pain" || before == "ache" || before == "it" || before == "its" || before == "injury") {
        return true;
      }
    }
    return false;
  }

  // "my dad is 80 years old": a number in a sentence about a relative is not the person's.
  [[nodiscard]] bool about_someone_else(std::size_t i) const {
    for (std::size_t k = i; k-- > 0;) {
      if (m_tokens[k].kind == TokenKind::sentence_end || m_tokens[k].kind == TokenKind::question_end ||
          (m_tokens[k].kind == TokenKind::word && m_cues.in_class(m_tokens[k].text, WordClass::first_person))) {
        return false;
      }
      if (starts_someone_else(k)) {
        return true;
      }
    }
    return false;
  }

  // Whether the first two words of a cue that makes a fact someone else's start at token k.
  [[nodiscard]] bool starts_someone_else(std::size_t k) const {
    const ContextCues::WordInfo info =
        m_tokens[k].kind == TokenKind::word ? m_cues.info(m_tokens[k].text) : ContextCues::WordInfo{};
    for (const ContextCues::Cue& cue : m_cues.cues_starting(info)) {
      if (m_cues.modifiers()[cue.modifier].category == ModifierCategory::someone_else) {
        if (cue.words.size() == 1 || word(k + 1) == cue.words[1]) {
          return true;
        }
      }
    }
    return false;
  }

  [[nodiscard]] std::optional<double> unit_at(std::size_t i) const { return m_cues.unit_weeks(word(i)); }

  void try_duration(std::size_t i, double value, std::size_t length) {
    std::size_t unit = i + length;
    if (word(i) == "few" || word(i) == "couple") {
      if (word(unit) == "of") {
        ++unit;
      }
    }

    const auto weeks = unit_at(unit);
    if (!weeks) {
      return;
    }
    const bool an_age = *weeks >= 52 &&
                        (word(unit + 1) == "old" || (word(unit + 1) == "of" && word(unit + 2) == "age")) &&
                        !about_the_pain(i);
    // "twice a week" is how often, "20 weeks pregnant" and "8 weeks post op" are not the pain.
    const std::string_view before = i > 0 ? word(i - 1) : std::string_view{};
    const bool how_often = before == "twice" || before == "once" || before == "times" || before == "every" ||
                           before == "per" || before == "each";
    const std::string_view after = word(unit + 1);
    const bool not_the_pain = after == "pregnant" || after == "post" || after == "postpartum" || after == "after" ||
                              after == "along" || after == "gone" || after == "expecting" || after == "into" ||
                              (ago_at(unit + 1) && about_an_event(i));
    // "a 6 month old", "my son is 18 months old": someone's age; "no pain for 3 years": not the pain.
    const bool someones_age = word(unit + 1) == "old" && (before == "a" || before == "an" || about_someone_else(i));
    const bool pain_free =
        before == "for" && i >= 3 && ((word(i - 3) == "no" && word(i - 2) == "pain") || word(i - 2) == "free");
    if (an_age || how_often || not_the_pain || someones_age || pain_free) {
      return;
    }
    std::size_t first = i;
    if (i > 0 && (word(i - 1) == "a" || word(i - 1) == "for" || word(i - 1) == "past" || word(i - 1) == "last" ||
                  word(i - 1) == "over")) {
      first = i - 1;
    }
    const double total = value * *weeks;
    if (!std::isfinite(total) || total > k_max_years * 52.0) {
      return; // longer than a lifetime: a typo or a joke, not the pain
    }
    record_duration(total, first, unit);
  }

public:
  // "3 weeks ago", "in 2019", "last winter", "yesterday": when events happened.
  [[nodiscard]] std::vector<EventTime> event_times(int year) const {
    std::vector<EventTime> events;
    for (std::size_t i = 0; i < m_tokens.size(); ++i) {
      if (auto event = event_at(i, year)) {
        events.push_back(*event);
        i = event->last;
      }
    }
    return events;
  }

private:
  [[nodiscard]] std::optional<EventTime> event_at(std::size_t i, int year) const {
    if (i > 0 && (word(i - 1) == "since" || word(i - 1) == "from")) {
      return std::nullopt; // "on pred since 2019": going on from then, not over
    }
    const std::string_view here = word(i);
    if (here == "yesterday" || here == "today" || here == "tonight" || here == "currently") {
      return EventTime{0, i, i};
    }
    if ((here == "this" || here == "last") && (word(i + 1) == "morning" || word(i + 1) == "night" ||
                                               word(i + 1) == "evening" || word(i + 1) == "afternoon")) {
      return EventTime{0, i, i + 1};
    }
    // "last year" dates; "for the last year", "over the past year" are how long, and going on.
    const std::string_view before = i > 0 ? word(i - 1) : std::string_view{};
    const bool a_span = before == "the" || before == "for" || before == "over" || before == "during" ||
                        before == "within" || before == "in" || before == "this";
    if (here == "last" && !a_span) {
      if (const auto weeks = unit_at(i + 1)) {
        return EventTime{*weeks, i, i + 1};
      }
      if (is_season(word(i + 1))) {
        return EventTime{k_weeks_per_season_ago, i, i + 1};
      }
    }
    if (const auto weeks = clinical_fraction(i); weeks && ago_at(i + 3)) {
      return EventTime{*weeks, i, i + 3}; // "a fall 5/7 ago"
    }
    if (const auto value = number_at(i)) {
      const std::size_t length = number_length(i);
      const std::size_t unit = i + length;
      const auto weeks = unit_at(unit);
      if (weeks && ago_at(unit + 1)) {
        const double total = *value * *weeks;
        if (std::isfinite(total)) {
          return EventTime{total, i, unit + 1};
        }
      }
      if (!weeks && year > 0 && is_digits(i) && m_tokens[i].text.size() == 4 && *value >= k_first_year &&
          *value <= year) {
        return EventTime{(year - *value) * 52.0, i, i}; // "in 2019", "DVT 2019"
      }
    }
    return std::nullopt;
  }

  // A clinic's shorthand for a span in weeks: "5/7" days, "2/52" weeks, "3/12" months.
  [[nodiscard]] std::optional<double> clinical_fraction(std::size_t i) const {
    if (!is_digits(i) || i + 2 >= m_tokens.size() || m_tokens[i + 1].kind != TokenKind::slash || !is_digits(i + 2)) {
      return std::nullopt;
    }
    const auto count = number_at(i);
    const auto per = number_at(i + 2);
    if (!count || !per || *count <= 0 || *count > *per) {
      return std::nullopt; // "13/12" is no span a clinic writes
    }
    const double unit = *per == 7 ? 1.0 / 7 : *per == 52 ? 1.0 : *per == 12 ? k_weeks_per_month : 0.0;
    if (unit == 0.0) {
      return std::nullopt;
    }
    return *count * unit;
  }

  [[nodiscard]] bool is_season(std::string_view text) const { return m_cues.has_role(text, NumberRole::season); }

  std::string_view m_text;
  std::span<const Token> m_tokens;
  const ContextCues& m_cues;
  TextAnalysis& m_analysis;
  bool m_plain_age = false; ///< the age kept was said in plain words of an age
};

} // namespace

void read_numbers(std::string_view text, std::span<const Token> tokens, const ContextCues& cues,
                  TextAnalysis& analysis) {
  NumberReader(text, tokens, cues, analysis).read();
}

std::vector<EventTime> read_event_times(std::span<const Token> tokens, const ContextCues& cues, int year) {
  TextAnalysis unused;
  return NumberReader({}, tokens, cues, unused).event_times(year);
}

} // namespace backrelief
