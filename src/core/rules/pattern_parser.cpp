#include "core/rules/pattern_parser.hpp"

#include "core/rules/replacement.hpp"
#include "core/util/edit_distance.hpp"

#include <algorithm>
#include <charconv>
#include <fmt/format.h>
#include <unordered_set>

namespace backrelief {

namespace {

const std::vector<std::string> k_pattern_keys{"sequence", "near", "within", "only-near", "not-near", "reach"};
const std::vector<std::string> k_word_set_keys{"id", "words", "replaces"};
const std::vector<std::string> k_required_word_set_keys{"id", "words"};

// Words, numbers, apostrophes and spaces; '=' may open a word ("=legs": that written form only)
// and '#' alone is any number written in digits.
bool is_word_text(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    const bool opens_exact = text[i] == '=' && (i == 0 || text[i - 1] == ' ') && i + 1 < text.size() &&
                             std::isalnum(static_cast<unsigned char>(text[i + 1])) != 0;
    const bool any_number =
        text[i] == '#' && (i == 0 || text[i - 1] == ' ') && (i + 1 == text.size() || text[i + 1] == ' ');
    if (std::isalnum(byte) == 0 && text[i] != ' ' && text[i] != '\'' && byte < 0x80 && !opens_exact && !any_number) {
      return false;
    }
  }
  return !text.empty();
}

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && text.front() == ' ') {
    text.remove_prefix(1);
  }
  while (!text.empty() && text.back() == ' ') {
    text.remove_suffix(1);
  }
  return text;
}

// One element as written: "<set>", "words", either in brackets when optional ("(<both>)", "(my)"),
// or "...N". (A trailing '?' would need quotes in a YAML flow list, brackets do not.)
std::optional<PatternElement> read_element(YamlReader& reader, const YAML::Node& node) {
  auto written = reader.text(node, "a pattern element");
  if (!written) {
    return std::nullopt;
  }
  PatternElement element;
  element.where = reader.where(node);
  std::string_view text = trimmed(*written);
  if (text.starts_with("...")) {
    const std::string_view count = text.substr(3);
    int words = 0;
    const auto [end, failed] = std::from_chars(count.data(), count.data() + count.size(), words);
    if (count.empty()) {
      reader.error(node, fmt::format("a gap must say how many words it may skip, from 1 to {}, e.g. '...3'; "
                                     "an unbounded gap would join words far apart",
                                     k_max_pattern_gap));
      return std::nullopt;
    }
    if (failed != std::errc{} || end != count.data() + count.size() || words < 1 || words > k_max_pattern_gap) {
      reader.error(node, fmt::format("bad gap '{}': expected '...' and a number of words from 1 to {}, e.g. '...3'",
                                     text, k_max_pattern_gap));
      return std::nullopt;
    }
    element.kind = PatternElement::Kind::gap;
    element.max_gap = words;
    return element;
  }
  if (text.starts_with('(') || text.ends_with(')')) {
    if (!text.starts_with('(') || !text.ends_with(')') || text.size() < 3) {
      reader.error(node, fmt::format("bad optional element '{}': expected words or a word set in brackets, e.g. "
                                     "'(my)' or '(<both>)'",
                                     *written));
      return std::nullopt;
    }
    element.optional = true;
    text = trimmed(text.substr(1, text.size() - 2));
  }
  if (text.starts_with('<') || text.ends_with('>')) {
    if (!text.starts_with('<') || !text.ends_with('>') || text.size() < 3) {
      reader.error(node, fmt::format("bad word set reference '{}': expected a set's id in angle brackets, e.g. "
                                     "'<legs>'",
                                     *written));
      return std::nullopt;
    }
    element.kind = PatternElement::Kind::set;
    element.text = std::string(text.substr(1, text.size() - 2));
    return element;
  }
  if (!is_word_text(text)) {
    reader.error(node, fmt::format("bad pattern element '{}': expected words, a word set such as '<legs>', "
                                   "either in brackets when optional, or a gap such as '...3'",
                                   *written));
    return std::nullopt;
  }
  element.kind = PatternElement::Kind::words;
  element.text = std::string(text);
  return element;
}

std::optional<std::vector<PatternElement>> read_elements(YamlReader& reader, const YAML::Node& node,
                                                         std::string_view key) {
  if (!node.IsSequence()) {
    reader.error(node, fmt::format("expected '{}' to be a list of pattern elements, e.g. [<numb>, ...3, <legs>]", key));
    return std::nullopt;
  }
  if (node.size() == 0) {
    reader.error(node, fmt::format("empty '{}': a pattern needs at least one element", key));
    return std::nullopt;
  }
  if (node.size() > k_max_pattern_elements) {
    reader.error(node, fmt::format("'{}' has {} elements; a pattern may have at most {}", key, node.size(),
                                   k_max_pattern_elements));
    return std::nullopt;
  }
  std::vector<PatternElement> elements;
  bool good = true;
  for (const YAML::Node& item : node) {
    if (auto element = read_element(reader, item)) {
      elements.push_back(std::move(*element));
    } else {
      good = false;
    }
  }
  if (!good) {
    return std::nullopt;
  }
  return elements;
}

std::string element_text(const PatternElement& element) {
  switch (element.kind) {
  case PatternElement::Kind::gap:
    return fmt::format("...{}", element.max_gap);
  case PatternElement::Kind::set:
    return element.optional ? fmt::format("(<{}>)", element.text) : fmt::format("<{}>", element.text);
  case PatternElement::Kind::words:
    return element.optional ? fmt::format("({})", element.text) : element.text;
  }
  return {};
}

std::string elements_text(const std::vector<PatternElement>& elements) {
  std::string text;
  for (const PatternElement& element : elements) {
    text += text.empty() ? "" : ", ";
    text += element_text(element);
  }
  return fmt::format("[{}]", text);
}

// The shape a sequence must have: a first element to anchor it, no gap at either end and no two
// gaps in a row.
bool check_sequence(YamlReader& reader, const std::vector<PatternElement>& elements) {
  const PatternElement& first = elements.front();
  if (first.kind == PatternElement::Kind::gap || first.optional) {
    reader.error(first.where, "a sequence must start with words or a word set that are always there, not with a "
                              "gap or an optional element");
    return false;
  }
  if (elements.back().kind == PatternElement::Kind::gap) {
    reader.error(elements.back().where, "a sequence may not end with a gap: nothing after it would be matched");
    return false;
  }
  for (std::size_t i = 1; i < elements.size(); ++i) {
    if (elements[i].kind == PatternElement::Kind::gap && elements[i - 1].kind == PatternElement::Kind::gap) {
      reader.error(elements[i].where, "two gaps in a row: write one gap with the sum of their words");
      return false;
    }
  }
  return true;
}

// Elements of a `near`, `only-near` or `not-near` list: words and sets only, all of them needed.
bool check_plain(YamlReader& reader, const std::vector<PatternElement>& elements, std::string_view key) {
  for (const PatternElement& element : elements) {
    if (element.kind == PatternElement::Kind::gap) {
      reader.error(element.where,
                   fmt::format("a gap has no place in '{}': say how close with 'within' or 'reach'", key));
      return false;
    }
    if (element.optional) {
      reader.error(element.where, fmt::format("'{}' elements cannot be optional", key));
      return false;
    }
  }
  return true;
}

std::optional<int> read_bound(YamlReader& reader, const YAML::Node& node, std::string_view key, int most) {
  auto value = reader.integer(node, fmt::format("'{}'", key));
  if (!value) {
    return std::nullopt;
  }
  if (*value < 0 || *value > most) {
    reader.error(node, fmt::format("'{}' is {}: expected a number of words from 0 to {}", key, *value, most));
    return std::nullopt;
  }
  return value;
}

std::optional<Pattern> read_pattern(YamlReader& reader, const YAML::Node& node) {
  auto fields = reader.mapping(node, k_pattern_keys, "a pattern");
  if (!fields) {
    return std::nullopt;
  }
  Pattern pattern;
  pattern.where = reader.where(node);
  const YAML::Node* sequence = fields->find("sequence");
  const YAML::Node* near = fields->find("near");
  if ((sequence == nullptr) == (near == nullptr)) {
    reader.error(node, "a pattern needs one of 'sequence' (elements in order) or 'near' (elements in any order, "
                       "close together)");
    return std::nullopt;
  }
  pattern.kind = sequence != nullptr ? Pattern::Kind::sequence : Pattern::Kind::near;
  const YAML::Node& written = sequence != nullptr ? *sequence : *near;
  auto elements = read_elements(reader, written, sequence != nullptr ? "sequence" : "near");
  if (!elements) {
    return std::nullopt;
  }
  pattern.elements = std::move(*elements);
  bool good = true;
  const YAML::Node* within = fields->find("within");
  if (pattern.kind == Pattern::Kind::sequence) {
    good = check_sequence(reader, pattern.elements);
    if (within != nullptr) {
      reader.error(*within, "'within' belongs to a 'near' pattern; a sequence says its gaps with '...N'");
      good = false;
    }
  } else {
    good = check_plain(reader, pattern.elements, "near");
    if (good && pattern.elements.size() < 2) {
      reader.error(written, "a 'near' pattern needs two elements or more; one element is a phrase");
      good = false;
    }
    if (within == nullptr) {
      reader.error(node, fmt::format("a 'near' pattern needs 'within': how many other words, from 0 to {}, may "
                                     "stand among its elements",
                                     k_max_pattern_within));
      good = false;
    } else if (auto bound = read_bound(reader, *within, "within", k_max_pattern_within)) {
      pattern.within = *bound;
    } else {
      good = false;
    }
  }
  for (const auto& [key, target] :
       {std::pair{"only-near", &pattern.only_near}, std::pair{"not-near", &pattern.not_near}}) {
    if (const YAML::Node* list = fields->find(key)) {
      auto constraint = read_elements(reader, *list, key);
      good = constraint && check_plain(reader, *constraint, key) && good;
      if (constraint) {
        *target = std::move(*constraint);
      }
    }
  }
  if (const YAML::Node* reach = fields->find("reach")) {
    if (pattern.only_near.empty() && pattern.not_near.empty()) {
      reader.error(*reach, "'reach' says how close 'only-near' or 'not-near' words must be; this pattern has neither");
      good = false;
    } else if (auto bound = read_bound(reader, *reach, "reach", k_max_pattern_within)) {
      pattern.reach = *bound;
    } else {
      good = false;
    }
  }
  if (!good) {
    return std::nullopt;
  }
  pattern.text = fmt::format("{} {}", pattern.kind == Pattern::Kind::sequence ? "sequence" : "near",
                             elements_text(pattern.elements));
  if (pattern.kind == Pattern::Kind::near) {
    pattern.text += fmt::format(" within {}", pattern.within);
  }
  if (!pattern.only_near.empty()) {
    pattern.text += fmt::format(" only near {}", elements_text(pattern.only_near));
  }
  if (!pattern.not_near.empty()) {
    pattern.text += fmt::format(" not near {}", elements_text(pattern.not_near));
  }
  return pattern;
}

} // namespace

bool read_patterns(YamlReader& reader, const YAML::Node& node, std::vector<Pattern>& out) {
  if (!node.IsSequence()) {
    reader.error(node, "expected 'patterns' to be a list, e.g. - near: [<numb>, <saddle-area>]");
    return false;
  }
  bool good = true;
  for (const YAML::Node& item : node) {
    if (auto pattern = read_pattern(reader, item)) {
      out.push_back(std::move(*pattern));
    } else {
      good = false;
    }
  }
  return good;
}

namespace {

const std::vector<std::string> k_wordnet_member_keys{"wordnet", "hyponyms", "except"};
const std::vector<std::string> k_required_wordnet_member_keys{"wordnet"};
// Hyponyms fan out fast (motor vehicle, two levels down: over 100 words); three is plenty.
constexpr std::size_t k_max_hyponym_depth = 3;

// A member `{wordnet: SENSE, hyponyms: N, except: [...]}`: the sense's words (and its kinds, N
// levels down) as members, less those excepted, each marked with where it came from.
bool add_wordnet_members(YamlReader& reader, const YAML::Node& item, const WordNetSource& wordnet, WordSet& set) {
  auto fields = reader.mapping(item, k_wordnet_member_keys, "a WordNet member");
  if (!fields || !reader.require(*fields, item, k_required_wordnet_member_keys, "a WordNet member")) {
    return false;
  }
  const YAML::Node& name_node = *fields->find("wordnet");
  auto name = reader.text(name_node, "a WordNet sense");
  if (!name) {
    return false;
  }
  const auto sense = parse_wordnet_sense(*name);
  if (!sense) {
    reader.error(name_node, fmt::format("'{}' is not a WordNet sense: write lemma.pos.number, such as buttocks.n.01 "
                                        "(pos n, v, a, s or r)",
                                        *name));
    return false;
  }
  std::size_t depth = 0;
  if (const YAML::Node* hyponyms = fields->find("hyponyms")) {
    auto value = reader.integer(*hyponyms, "a depth of hyponyms");
    if (!value || *value < 0 || *value > static_cast<int>(k_max_hyponym_depth)) {
      if (value) {
        reader.error(*hyponyms,
                     fmt::format("hyponyms reach at most {} levels down, found {}", k_max_hyponym_depth, *value));
      }
      return false;
    }
    depth = static_cast<std::size_t>(*value);
  }
  const WordNet& database = wordnet.get();
  auto words = database.members(*sense, depth);
  if (words) {
    words = database.with_irregular_forms(std::move(*words), sense->pos);
  }
  if (!words) {
    const std::size_t senses = database.sense_count(sense->lemma, sense->pos);
    reader.error(name_node, senses == 0
                                ? fmt::format("WordNet has no {} '{}'", to_string(sense->pos), sense->lemma)
                                : fmt::format("WordNet has no sense {}: the {} '{}' has {} (did you mean '{}'?)",
                                              to_string(*sense), to_string(sense->pos), sense->lemma, senses,
                                              to_string(WordNetSense{sense->lemma, sense->pos, senses})));
    return false;
  }
  std::vector<std::string> excepted;
  bool good = true;
  if (const YAML::Node* except = fields->find("except")) {
    if (auto items = reader.scalar_list(*except, "a member to leave out")) {
      for (const YAML::Node& member : *items) {
        auto text = reader.text(member, "a member to leave out");
        if (text && std::find(words->begin(), words->end(), trimmed(*text)) == words->end()) {
          reader.error(member, fmt::format("'{}' is not among the words of {}{}", *text, to_string(*sense),
                                           did_you_mean(trimmed(*text), *words)));
          good = false;
        } else if (text) {
          excepted.emplace_back(trimmed(*text));
        }
      }
    } else {
      good = false;
    }
  }
  const std::string source = fmt::format("WordNet {}", to_string(*sense));
  for (const std::string& word : *words) {
    // A word with a full stop or a digit's punctuation ("o.k.") is no phrase; it is left out.
    if (std::find(excepted.begin(), excepted.end(), word) == excepted.end() && is_word_text(word)) {
      set.members.push_back(word);
      set.member_where.push_back(reader.where(name_node));
      set.member_source.push_back(source);
    }
  }
  return good;
}

// A word an expansion brings that the set already has, written or brought by another sense, is
// left out: the first that brought it stays, and a word written by hand is always the author's.
void drop_repeated_expansions(WordSet& set) {
  std::unordered_set<std::string_view> taken; // written members, then each expansion kept
  for (std::size_t i = 0; i < set.members.size(); ++i) {
    if (set.member_source[i].empty()) {
      taken.insert(set.members[i]);
    }
  }
  WordSet kept;
  for (std::size_t i = 0; i < set.members.size(); ++i) {
    if (!set.member_source[i].empty() && !taken.insert(set.members[i]).second) {
      continue;
    }
    kept.members.push_back(set.members[i]);
    kept.member_where.push_back(set.member_where[i]);
    kept.member_source.push_back(set.member_source[i]);
  }
  set.members = std::move(kept.members);
  set.member_where = std::move(kept.member_where);
  set.member_source = std::move(kept.member_source);
}

} // namespace

void define_word_set(YamlReader& reader, const YAML::Node& node, RuleSet& rules, const WordNetSource& wordnet) {
  auto fields = reader.mapping(node, k_word_set_keys, "a word set");
  if (!fields || !reader.require(*fields, node, k_required_word_set_keys, "a word set")) {
    return;
  }
  WordSet set;
  set.origin = reader.where(node);
  auto id = reader.identifier(*fields->find("id"), "a word set id");
  const YAML::Node& list = *fields->find("words");
  bool good = id.has_value();
  std::vector<YAML::Node> items;
  if (list.IsScalar()) {
    items.push_back(list); // one word needs no list
  } else if (list.IsSequence()) {
    for (const YAML::Node& item : list) {
      items.push_back(item);
    }
  } else {
    reader.error(list, "expected a word or a list of words and phrases, such as [numb, no feeling]");
    good = false;
  }
  if (list.IsSequence() && items.empty()) {
    reader.error(list, "a word set needs at least one word");
    good = false;
  }
  for (const YAML::Node& item : items) {
    if (item.IsMap()) {
      good = add_wordnet_members(reader, item, wordnet, set) && good;
      continue;
    }
    auto text = reader.text(item, "a word or phrase");
    if (text && !is_word_text(trimmed(*text))) {
      reader.error(item, fmt::format("'{}' is not plain words: a word set holds words and phrases only", *text));
      good = false;
    } else if (text) {
      set.members.emplace_back(trimmed(*text));
      set.member_where.push_back(reader.where(item));
      set.member_source.emplace_back();
    } else {
      good = false;
    }
  }
  drop_repeated_expansions(set);
  bool replaces = false;
  if (const YAML::Node* flag = fields->find("replaces")) {
    auto value = reader.boolean(*flag, "'replaces'");
    good = good && value;
    replaces = value.value_or(false);
  }
  if (!good) {
    return;
  }
  set.id = *id;
  const WordSet* earlier = rules.find_word_set(set.id);
  const Definition definition{"word set", set.id, earlier != nullptr ? &earlier->origin : nullptr, replaces};
  if (!allowed_by_replacement_policy(reader, node, definition, [&] { return rules.word_set_ids(); })) {
    return;
  }
  rules.put_word_set(std::move(set));
}

void check_pattern_sets(const RuleSet& rules, std::vector<Diagnostic>& diagnostics) {
  const auto check = [&](const std::vector<PatternElement>& elements) {
    for (const PatternElement& element : elements) {
      if (element.kind == PatternElement::Kind::set && rules.find_word_set(element.text) == nullptr) {
        diagnostics.push_back({element.where, fmt::format("unknown word set '<{}>'{}", element.text,
                                                          did_you_mean(element.text, rules.word_set_ids()))});
      }
    }
  };
  for (const Concept& entry : rules.concepts()) {
    for (const Pattern& pattern : entry.patterns) {
      check(pattern.elements);
      check(pattern.only_near);
      check(pattern.not_near);
    }
  }
}

} // namespace backrelief
