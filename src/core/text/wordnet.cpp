#include "core/text/wordnet.hpp"

#include "core/util/diagnostic.hpp"
#include "core/util/file_text.hpp"
#include "core/util/mapped_file.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <fmt/format.h>
#include <sstream>

namespace backrelief {

namespace {

constexpr std::array<std::string_view, 4> k_file_suffix{"noun", "verb", "adj", "adv"};
constexpr std::array<char, 4> k_letter{'n', 'v', 'a', 'r'};

std::size_t slot(WordNetPos pos) {
  return static_cast<std::size_t>(pos);
}

// The next whitespace-separated field of `line` from `at`, moving `at` past it.
std::string_view next_field(std::string_view line, std::size_t& at) {
  while (at < line.size() && line[at] == ' ') {
    ++at;
  }
  const std::size_t start = at;
  while (at < line.size() && line[at] != ' ' && line[at] != '\n') {
    ++at;
  }
  return line.substr(start, at - start);
}

std::optional<std::size_t> number(std::string_view field, int base = 10) {
  std::size_t value = 0;
  const auto [end, error] = std::from_chars(field.data(), field.data() + field.size(), value, base);
  if (error != std::errc{} || end != field.data() + field.size()) {
    return std::nullopt;
  }
  return value;
}

// A word as people write it: "rear_end" is "rear end", "galore(ip)" is "galore", lower case.
std::string as_written(std::string_view word) {
  if (const std::size_t marker = word.find('('); marker != std::string_view::npos) {
    word = word.substr(0, marker);
  }
  std::string out(word);
  std::replace(out.begin(), out.end(), '_', ' ');
  std::transform(out.begin(), out.end(), out.begin(),
                 [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
  return out;
}

// The lemma as the index files hold it: lower case, spaces as '_'.
std::string as_indexed(std::string_view lemma) {
  std::string out(lemma);
  std::replace(out.begin(), out.end(), ' ', '_');
  std::transform(out.begin(), out.end(), out.begin(),
                 [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
  return out;
}

MappedFile map_whole(const std::filesystem::path& path) {
  auto file = MappedFile::open(path);
  if (!file) {
    throw Error(ErrorKind::invalid_config,
                fmt::format("{}: cannot read WordNet: the rules name WordNet senses, which need the Debian package "
                            "wordnet-base (apt-get install wordnet-base)",
                            path.string()));
  }
  return std::move(*file);
}

} // namespace

std::optional<WordNetSense> parse_wordnet_sense(std::string_view name) {
  const std::size_t second = name.rfind('.');
  if (second == std::string_view::npos || second < 3 || name[second - 2] != '.') {
    return std::nullopt;
  }
  WordNetSense sense;
  sense.lemma = as_indexed(name.substr(0, second - 2));
  switch (name[second - 1]) {
  case 'n':
    sense.pos = WordNetPos::noun;
    break;
  case 'v':
    sense.pos = WordNetPos::verb;
    break;
  case 'a':
  case 's':
    sense.pos = WordNetPos::adjective;
    break;
  case 'r':
    sense.pos = WordNetPos::adverb;
    break;
  default:
    return std::nullopt;
  }
  const auto count = number(name.substr(second + 1));
  if (!count || *count == 0 || sense.lemma.empty()) {
    return std::nullopt;
  }
  sense.number = *count;
  return sense;
}

std::string_view to_string(WordNetPos pos) {
  switch (pos) {
  case WordNetPos::noun:
    return "noun";
  case WordNetPos::verb:
    return "verb";
  case WordNetPos::adjective:
    return "adjective";
  case WordNetPos::adverb:
    return "adverb";
  }
  return "word";
}

std::string to_string(const WordNetSense& sense) {
  return fmt::format("{}.{}.{:02}", sense.lemma, k_letter[slot(sense.pos)], sense.number);
}

WordNet::WordNet(std::filesystem::path directory) : m_directory(std::move(directory)) {
  for (const std::string_view suffix : k_file_suffix) {
    m_index.push_back(map_whole(m_directory / fmt::format("index.{}", suffix)));
    m_data.push_back(map_whole(m_directory / fmt::format("data.{}", suffix)));
    // adv.exc is tiny and every .exc may be absent in a trimmed copy: irregular forms are extra.
    m_exceptions.push_back(read_file_text(m_directory / fmt::format("{}.exc", suffix)).value_or(std::string{}));
  }
}

// The index files are sorted by lemma, one per line, after a licence whose lines start with a
// space: a binary search over byte positions, each moved to the start of its line.
std::optional<std::string_view> WordNet::index_line(std::string_view lemma, WordNetPos pos) const {
  const std::string_view text = m_index[slot(pos)].text();
  const std::string key = as_indexed(lemma);
  const auto line_at = [&](std::size_t at) {
    const std::size_t end = text.find('\n', at);
    return text.substr(at, (end == std::string_view::npos ? text.size() : end) - at);
  };
  std::size_t low = 0;
  while (low < text.size() && text[low] == ' ') { // the licence
    low = text.find('\n', low);
    low = low == std::string_view::npos ? text.size() : low + 1;
  }
  std::size_t high = text.size();
  while (low < high) {
    // The start of the line that holds the middle byte.
    const std::size_t middle = low + (high - low) / 2;
    const std::size_t before = middle == 0 ? std::string_view::npos : text.rfind('\n', middle - 1);
    const std::size_t start = before == std::string_view::npos || before + 1 < low ? low : before + 1;
    const std::string_view line = line_at(start);
    std::size_t at = 0;
    const std::string_view word = next_field(line, at);
    if (word == key) {
      return line;
    }
    if (word < key) {
      low = start + line.size() + 1;
    } else {
      high = start;
    }
  }
  return std::nullopt;
}

std::size_t WordNet::sense_count(std::string_view lemma, WordNetPos pos) const {
  const auto line = index_line(lemma, pos);
  if (!line) {
    return 0;
  }
  std::size_t at = 0;
  next_field(*line, at);                            // lemma
  next_field(*line, at);                            // pos
  return number(next_field(*line, at)).value_or(0); // synset_cnt
}

std::optional<WordNet::Synset> WordNet::synset_at(std::size_t offset, WordNetPos pos) const {
  const std::string_view text = m_data[slot(pos)].text();
  if (offset >= text.size()) {
    return std::nullopt;
  }
  const std::size_t end = text.find('\n', offset);
  const std::string_view line = text.substr(offset, (end == std::string_view::npos ? text.size() : end) - offset);
  std::size_t at = 0;
  if (number(next_field(line, at)) != offset) {
    return std::nullopt; // not the start of a synset: a damaged file
  }
  next_field(line, at); // lex_filenum
  next_field(line, at); // ss_type
  const auto words = number(next_field(line, at), 16);
  if (!words) {
    return std::nullopt;
  }
  Synset synset;
  for (std::size_t i = 0; i < *words; ++i) {
    synset.words.push_back(as_written(next_field(line, at)));
    next_field(line, at); // lex_id
  }
  const auto pointers = number(next_field(line, at));
  for (std::size_t i = 0; pointers && i < *pointers; ++i) {
    const std::string_view symbol = next_field(line, at);
    const auto target = number(next_field(line, at));
    next_field(line, at);          // pos
    next_field(line, at);          // source/target
    if (symbol == "~" && target) { // a hyponym; "~i" (an instance, a named thing) is not a kind
      synset.hyponyms.push_back(*target);
    }
  }
  return synset;
}

std::vector<std::size_t> WordNet::sense_offsets(std::string_view lemma, WordNetPos pos) const {
  const auto line = index_line(lemma, pos);
  if (!line) {
    return {};
  }
  std::size_t at = 0;
  next_field(*line, at);
  next_field(*line, at);
  const auto senses = number(next_field(*line, at));
  const auto pointer_kinds = number(next_field(*line, at));
  if (!senses || !pointer_kinds) {
    return {};
  }
  for (std::size_t i = 0; i < *pointer_kinds; ++i) {
    next_field(*line, at);
  }
  next_field(*line, at); // sense_cnt
  next_field(*line, at); // tagsense_cnt
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < *senses; ++i) {
    const auto offset = number(next_field(*line, at));
    if (!offset) {
      return {}; // a damaged line
    }
    offsets.push_back(*offset);
  }
  return offsets;
}

std::optional<std::vector<std::string>> WordNet::members(const WordNetSense& sense, std::size_t hyponym_depth) const {
  const std::vector<std::size_t> offsets = sense_offsets(sense.lemma, sense.pos);
  if (sense.number > offsets.size()) {
    return std::nullopt;
  }
  const std::optional<std::size_t> offset = offsets[sense.number - 1];
  std::vector<std::string> out;
  std::vector<std::size_t> level{*offset};
  std::vector<std::size_t> seen{*offset};
  for (std::size_t depth = 0; depth <= hyponym_depth && !level.empty(); ++depth) {
    std::vector<std::size_t> next;
    for (const std::size_t here : level) {
      const auto synset = synset_at(here, sense.pos);
      if (!synset) {
        continue;
      }
      for (const std::string& word : synset->words) {
        if (std::find(out.begin(), out.end(), word) == out.end()) {
          out.push_back(word);
        }
      }
      for (const std::size_t below : synset->hyponyms) {
        if (std::find(seen.begin(), seen.end(), below) == seen.end()) {
          seen.push_back(below);
          next.push_back(below);
        }
      }
    }
    level = std::move(next);
  }
  return out;
}

const std::vector<std::pair<std::string, std::string>>& WordNet::irregular_table(WordNetPos pos) const {
  auto& table = m_irregular[slot(pos)];
  if (!table) {
    // Each line of an .exc file is an inflected form and then its bases ("shot shoot").
    table.emplace();
    std::istringstream lines(m_exceptions[slot(pos)]);
    for (std::string line; std::getline(lines, line);) {
      std::size_t at = 0;
      const std::string inflected = as_written(next_field(line, at));
      for (std::string_view base = next_field(line, at); !base.empty(); base = next_field(line, at)) {
        table->emplace_back(as_written(base), inflected);
      }
    }
    std::sort(table->begin(), table->end());
  }
  return *table;
}

std::vector<std::string> WordNet::irregular_forms(std::string_view base, WordNetPos pos) const {
  const auto& table = irregular_table(pos);
  const std::string key = as_written(base);
  std::vector<std::string> out;
  for (auto it = std::lower_bound(table.begin(), table.end(), std::pair<std::string, std::string>{key, ""});
       it != table.end() && it->first == key; ++it) {
    out.push_back(it->second);
  }
  return out;
}

std::vector<std::string> WordNet::with_irregular_forms(std::vector<std::string> words, WordNetPos pos) const {
  const std::size_t written = words.size();
  for (std::size_t i = 0; i < written; ++i) {
    const std::string word = words[i];
    const bool first_word = pos == WordNetPos::verb;
    const std::size_t space = first_word ? word.find(' ') : word.rfind(' ');
    const std::size_t head_begin = first_word || space == std::string::npos ? 0 : space + 1;
    const std::size_t head_end = first_word && space != std::string::npos ? space : word.size();
    for (const std::string& form : irregular_forms(word.substr(head_begin, head_end - head_begin), pos)) {
      std::string inflected = word;
      inflected.replace(head_begin, head_end - head_begin, form);
      if (std::find(words.begin(), words.end(), inflected) == words.end()) {
        words.push_back(std::move(inflected));
      }
    }
  }
  return words;
}

WordNet::Standing WordNet::standing(std::string_view word, const WordNetSense& sense) const {
  Standing out;
  for (const WordNetPos pos : {WordNetPos::noun, WordNetPos::verb, WordNetPos::adjective, WordNetPos::adverb}) {
    out.senses += sense_count(word, pos);
  }
  const std::vector<std::size_t> named = sense_offsets(sense.lemma, sense.pos);
  if (sense.number > named.size()) {
    return out;
  }
  const std::vector<std::size_t> own = sense_offsets(word, sense.pos);
  const auto found = std::find(own.begin(), own.end(), named[sense.number - 1]);
  out.rank = found == own.end() ? 0 : static_cast<std::size_t>(found - own.begin()) + 1;
  return out;
}

std::string WordNet::identity(const std::filesystem::path& directory) {
  std::string out = directory.string();
  for (const std::string_view suffix : k_file_suffix) {
    for (const char* kind : {"index", "data", "exc"}) {
      const std::filesystem::path file = std::string_view(kind) == "exc"
                                             ? directory / fmt::format("{}.exc", suffix)
                                             : directory / fmt::format("{}.{}", kind, suffix);
      std::error_code error;
      const auto size = std::filesystem::file_size(file, error);
      const auto time = std::filesystem::last_write_time(file, error);
      out +=
          fmt::format(" {}:{}", error ? 0 : size, error ? 0 : static_cast<long long>(time.time_since_epoch().count()));
    }
  }
  return out;
}

} // namespace backrelief
