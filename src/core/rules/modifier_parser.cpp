#include "core/rules/modifier_parser.hpp"

#include "core/model/duration.hpp"
#include "core/text/tokenizer.hpp"
#include "core/util/edit_distance.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace backrelief {

namespace {

const std::vector<std::string> k_modifier_keys{"category",
                                               "direction",
                                               "cues",
                                               "scope",
                                               "red-flag-scope",
                                               "applies-to",
                                               "ends",
                                               "not-before",
                                               "not-before-a-concept",
                                               "only-in-questions",
                                               "only-before-a-concept",
                                               "needs-a-speaker"};
const std::vector<std::string> k_word_class_keys{"class", "words"};
const std::vector<std::string> k_number_words_keys{"role", "words"};
// The largest number a count word may stand for.
constexpr double k_max_count_word = 1000;
// The oldest decade of life a word may name: a person is at most 130 (the age option's limit).
constexpr double k_max_decade = 120;

template <typename Parse>
auto read_name(YamlReader& reader, const YAML::Node& node, std::string_view what, std::span<const std::string> names,
               Parse parse) -> decltype(parse(std::string_view{})) {
  auto text = reader.text(node, what);
  if (!text) {
    return std::nullopt;
  }
  auto value = parse(*text);
  if (!value) {
    std::string listed;
    for (const std::string& name : names) {
      listed += listed.empty() ? name : ", " + name;
    }
    reader.error(node,
                 fmt::format("unknown {} '{}'{}; expected one of {}", what, *text, did_you_mean(*text, names), listed));
  }
  return value;
}

// A cue as the tokenizer will see it: "can't" is "cant"; only words, and a few of them.
std::optional<std::string> read_cue(YamlReader& reader, const YAML::Node& node, std::string_view what) {
  auto text = reader.text(node, what);
  if (!text) {
    return std::nullopt;
  }
  const std::vector<Token> tokens = tokenize(*text);
  const bool words_only =
      std::all_of(tokens.begin(), tokens.end(), [](const Token& token) { return token.kind == TokenKind::word; });
  if (tokens.empty() || !words_only) {
    reader.error(node, fmt::format("'{}' is not plain words: {} holds words only, e.g. 'no sign of'", *text, what));
    return std::nullopt;
  }
  if (tokens.size() > k_max_cue_words) {
    reader.error(node,
                 fmt::format("'{}' has {} words; {} has at most {}", *text, tokens.size(), what, k_max_cue_words));
    return std::nullopt;
  }
  std::string cue;
  for (const Token& token : tokens) {
    cue += cue.empty() ? token.text : " " + token.text;
  }
  return cue;
}

bool read_words(YamlReader& reader, const YAML::Node& node, std::string_view what, std::vector<std::string>& words,
                std::vector<SourceLocation>& where) {
  auto items = reader.scalar_list(node, what);
  if (!items) {
    return false;
  }
  if (items->empty()) {
    reader.error(node, fmt::format("an empty list: expected at least one {}", what));
    return false;
  }
  bool good = true;
  for (const YAML::Node& item : *items) {
    if (auto cue = read_cue(reader, item, what)) {
      if (std::find(words.begin(), words.end(), *cue) != words.end()) {
        reader.error(item, fmt::format("'{}' is listed twice", *cue));
        good = false;
        continue;
      }
      words.push_back(std::move(*cue));
      where.push_back(reader.where(item));
    } else {
      good = false;
    }
  }
  return good;
}

// An optional true/false key; false when it is left out.
bool read_flag(YamlReader& reader, const Fields& fields, std::string_view key, bool& out) {
  const YAML::Node* value = fields.find(key);
  if (value == nullptr) {
    return true;
  }
  auto flag = reader.boolean(*value, fmt::format("'{}'", key));
  out = flag.value_or(false);
  return flag.has_value();
}

// A scope in tokens, or `clause`.
std::optional<int> read_scope(YamlReader& reader, const YAML::Node& node, std::string_view key, int least) {
  if (node.IsScalar() && node.Scalar() == "clause") {
    return k_clause;
  }
  auto value = reader.integer(node, fmt::format("'{}'", key));
  if (!value) {
    return std::nullopt;
  }
  if (*value < least || *value > k_max_modifier_scope) {
    reader.error(node, fmt::format("'{}' is {}: expected a number of tokens from {} to {}, or 'clause'", key, *value,
                                   least, k_max_modifier_scope));
    return std::nullopt;
  }
  return value;
}

template <typename Enum, typename Parse>
bool read_names(YamlReader& reader, const YAML::Node& node, std::string_view what, std::span<const std::string> names,
                Parse parse, std::vector<Enum>& out) {
  auto items = reader.scalar_list(node, what);
  if (!items) {
    return false;
  }
  bool good = true;
  for (const YAML::Node& item : *items) {
    if (auto value = read_name(reader, item, what, names, parse)) {
      out.push_back(*value);
    } else {
      good = false;
    }
  }
  return good;
}

// What a modifier's category allows: a negation, a resolution, another person's report or an
// imagined event may clear a red flag within its red-flag scope; a past mention only dates it, and
// the concept's own 'counts' says whether that age still matters.
bool check_modifier(YamlReader& reader, const YAML::Node& node, const Fields& fields, const Modifier& modifier) {
  const bool scoped =
      modifier.direction != ModifierDirection::terminate && modifier.direction != ModifierDirection::pseudo;
  bool good = true;
  if (scoped && !modifier.category) {
    reader.error(node, fmt::format("a {} modifier needs a 'category': one of negated, resolved, someone-else, "
                                   "hypothetical, historical",
                                   to_string(modifier.direction)));
    good = false;
  }
  if (!scoped) {
    for (const char* key : {"category", "scope", "red-flag-scope", "not-before-a-concept", "only-before-a-concept"}) {
      if (const YAML::Node* value = fields.find(key)) {
        reader.error(*value, fmt::format("'{}' has no meaning for a {} cue, which opens no scope", key,
                                         to_string(modifier.direction)));
        good = false;
      }
    }
  }
  if (const YAML::Node* kinds = fields.find("applies-to");
      kinds != nullptr && modifier.direction == ModifierDirection::pseudo) {
    reader.error(*kinds, "'applies-to' has no meaning for a pseudo cue, which only hides the cues it contains");
    good = false;
  }
  if (const YAML::Node* ends = fields.find("ends");
      ends != nullptr && modifier.direction != ModifierDirection::terminate) {
    reader.error(*ends, "'ends' says which scopes a terminate cue ends; this modifier's direction is not terminate");
    good = false;
  }
  if (const YAML::Node* red = fields.find("red-flag-scope"); red != nullptr && modifier.category) {
    const ModifierCategory category = *modifier.category;
    if (modifier.red_flag_scope != 0 && category == ModifierCategory::historical) {
      reader.error(*red, fmt::format("a {} modifier cannot clear a red flag by itself: how old a sign may be is "
                                     "the concept's 'counts' (backrelief-rules(5)); leave 'red-flag-scope' out",
                                     to_string(category)));
      good = false;
    }
    if (modifier.scope != k_clause &&
        (modifier.red_flag_scope == k_clause || modifier.red_flag_scope > modifier.scope)) {
      reader.error(*red, fmt::format("'red-flag-scope' reaches farther than 'scope' ({} tokens)", modifier.scope));
      good = false;
    }
  }
  return good;
}

} // namespace

std::optional<Modifier> read_modifier(YamlReader& reader, const YAML::Node& node) {
  auto fields = reader.mapping(node, k_modifier_keys, "a modifier");
  if (!fields || !reader.require(*fields, node, std::vector<std::string>{"cues"}, "a modifier")) {
    return std::nullopt;
  }
  Modifier modifier;
  modifier.where = reader.where(node);
  bool good = read_words(reader, *fields->find("cues"), "a cue", modifier.cues, modifier.cue_where);
  if (const YAML::Node* value = fields->find("direction")) {
    auto direction = read_name(reader, *value, "direction", modifier_direction_names(), parse_modifier_direction);
    good = good && direction;
    modifier.direction = direction.value_or(ModifierDirection::forward);
  }
  if (const YAML::Node* value = fields->find("category")) {
    modifier.category = read_name(reader, *value, "category", modifier_category_names(), parse_modifier_category);
    good = good && modifier.category;
  }
  if (const YAML::Node* value = fields->find("scope")) {
    auto scope = read_scope(reader, *value, "scope", 1);
    good = good && scope;
    modifier.scope = scope.value_or(k_clause);
  }
  if (const YAML::Node* value = fields->find("red-flag-scope")) {
    auto scope = read_scope(reader, *value, "red-flag-scope", 0);
    good = good && scope;
    modifier.red_flag_scope = scope.value_or(0);
  }
  if (const YAML::Node* value = fields->find("applies-to")) {
    good = read_names(reader, *value, "concept kind", concept_kind_names(), parse_concept_kind, modifier.applies_to) &&
           good;
  }
  if (const YAML::Node* value = fields->find("ends")) {
    good = read_names(reader, *value, "category", modifier_category_names(), parse_modifier_category, modifier.ends) &&
           good;
  }
  if (const YAML::Node* value = fields->find("not-before")) {
    std::vector<SourceLocation> unused;
    good = read_words(reader, *value, "a word", modifier.not_before, unused) && good;
  }
  good = read_flag(reader, *fields, "not-before-a-concept", modifier.not_before_a_concept) && good;
  good = read_flag(reader, *fields, "only-in-questions", modifier.only_in_questions) && good;
  good = read_flag(reader, *fields, "only-before-a-concept", modifier.only_before_a_concept) && good;
  good = read_flag(reader, *fields, "needs-a-speaker", modifier.needs_a_speaker) && good;
  if (!good || !check_modifier(reader, node, *fields, modifier)) {
    return std::nullopt;
  }
  return modifier;
}

std::optional<WordClassWords> read_word_class(YamlReader& reader, const YAML::Node& node) {
  auto fields = reader.mapping(node, k_word_class_keys, "a word class");
  if (!fields || !reader.require(*fields, node, k_word_class_keys, "a word class")) {
    return std::nullopt;
  }
  WordClassWords entry;
  entry.where = reader.where(node);
  auto word_class = read_name(reader, *fields->find("class"), "word class", word_class_names(), parse_word_class);
  bool good = word_class.has_value();
  entry.word_class = word_class.value_or(WordClass::first_person);
  good = read_words(reader, *fields->find("words"), "a word", entry.words, entry.word_where) && good;
  for (std::size_t i = 0; i < entry.words.size(); ++i) {
    if (entry.words[i].find(' ') != std::string::npos) {
      reader.error(entry.word_where[i], fmt::format("'{}' is more than one word: a word class holds single words; "
                                                    "a phrase belongs in a modifier's cues",
                                                    entry.words[i]));
      good = false;
    }
  }
  if (!good) {
    return std::nullopt;
  }
  return entry;
}

std::optional<NumberWords> read_number_words(YamlReader& reader, const YAML::Node& node) {
  auto fields = reader.mapping(node, k_number_words_keys, "an entry of number-words");
  if (!fields || !reader.require(*fields, node, k_number_words_keys, "an entry of number-words")) {
    return std::nullopt;
  }
  NumberWords entry;
  entry.where = reader.where(node);
  auto role = read_name(reader, *fields->find("role"), "number role", number_role_names(), parse_number_role);
  if (!role) {
    return std::nullopt;
  }
  entry.role = *role;
  const YAML::Node& words = *fields->find("words");
  bool good = true;
  if (!has_values(entry.role)) {
    good = read_words(reader, words, "a word", entry.words, entry.word_where);
  } else if (!words.IsMap() || words.size() == 0) {
    reader.error(words, fmt::format("the words of a {} are a mapping of each word to its {}, e.g. {}", to_string(*role),
                                    *role == NumberRole::unit ? "span of time" : "number",
                                    *role == NumberRole::unit     ? "{days: 1d, months: 1m}"
                                    : *role == NumberRole::decade ? "{twenties: 20, sixties: 60}"
                                                                  : "{one: 1, dozen: 12}"));
    return std::nullopt;
  } else {
    for (const auto& item : words) {
      auto word = read_cue(reader, item.first, "a word");
      if (!word) {
        good = false;
        continue;
      }
      if (word->find(' ') != std::string::npos) {
        reader.error(item.first, fmt::format("'{}' is more than one word: number words are single words", *word));
        good = false;
        continue;
      }
      std::optional<double> value;
      if (entry.role == NumberRole::decade) {
        value = reader.number(item.second, fmt::format("the first year of '{}'", *word));
        if (value && (*value < 0 || *value > k_max_decade || *value != std::floor(*value))) {
          reader.error(item.second, fmt::format("'{}' starts at {:g}: a decade of life starts at a whole number of "
                                                "years from 0 to {:g}",
                                                *word, *value, k_max_decade));
          value.reset();
        }
      } else if (entry.role == NumberRole::count) {
        value = reader.number(item.second, fmt::format("the number of '{}'", *word));
        if (value && (*value <= 0 || *value > k_max_count_word)) {
          reader.error(item.second, fmt::format("'{}' stands for {:g}: a count word stands for a number above 0 and at "
                                                "most {:g}",
                                                *word, *value, k_max_count_word));
          value.reset();
        }
      } else if (auto text = reader.text(item.second, fmt::format("the span of '{}'", *word))) {
        value = parse_duration_weeks(*text);
        if (!value || *value <= 0) {
          reader.error(item.second, fmt::format("'{}' is no span of time: write it as a number and d, w, m or y, e.g. "
                                                "'1d', '2w', '1m', '10y'",
                                                *text));
          value.reset();
        }
      }
      if (!value) {
        good = false;
        continue;
      }
      entry.words.push_back(std::move(*word));
      entry.values.push_back(*value);
      entry.word_where.push_back(reader.where(item.first));
    }
  }
  if (!good) {
    return std::nullopt;
  }
  return entry;
}

} // namespace backrelief
