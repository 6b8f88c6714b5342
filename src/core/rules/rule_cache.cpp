#include "core/rules/rule_cache.hpp"

#include "core/rules/modifier_parser.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <fmt/format.h>
#include <unordered_map>

namespace backrelief {

namespace {

// Bumped whenever the layout below, or any struct it writes, changes.
constexpr std::uint32_t k_cache_format = 17;
// Written for "no concept" where a concept id may be absent.
constexpr std::uint32_t k_no_concept = 0xffffffffU;
constexpr std::string_view k_magic = "backrelief-rules-cache\n";
constexpr std::size_t k_max_condition_depth = 64;

std::uint64_t fnv1a(std::string_view data, std::uint64_t hash = 0xcbf29ce484222325ULL) {
  for (const char c : data) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

struct Damaged {};

class Writer {
public:
  void u8(std::uint8_t value) { m_out.push_back(static_cast<char>(value)); }
  void u32(std::uint32_t value) {
    for (int i = 0; i < 4; ++i) {
      u8(static_cast<std::uint8_t>(value >> (8 * i)));
    }
  }
  void u64(std::uint64_t value) {
    for (int i = 0; i < 8; ++i) {
      u8(static_cast<std::uint8_t>(value >> (8 * i)));
    }
  }
  void f64(double value) { u64(std::bit_cast<std::uint64_t>(value)); }
  void text(std::string_view value) {
    u32(static_cast<std::uint32_t>(value.size()));
    m_out.append(value);
  }
  void texts(const std::vector<std::string>& values) {
    u32(static_cast<std::uint32_t>(values.size()));
    for (const std::string& value : values) {
      text(value);
    }
  }
  // File names repeat in every location: each is written once and then referred to by number.
  void where(const SourceLocation& location) {
    auto [it, added] = m_files.try_emplace(location.file, static_cast<std::uint32_t>(m_files.size()));
    u32(it->second);
    if (added) {
      text(location.file);
    }
    u32(static_cast<std::uint32_t>(location.line));
    u32(static_cast<std::uint32_t>(location.column));
  }
  std::string& out() { return m_out; }

private:
  std::string m_out;
  std::unordered_map<std::string, std::uint32_t> m_files;
};

class Reader {
public:
  explicit Reader(std::string_view data) : m_data(data) {}

  std::uint8_t u8() {
    need(1);
    return static_cast<std::uint8_t>(m_data[m_at++]);
  }
  std::uint32_t u32() {
    std::uint32_t value = 0;
    for (int i = 0; i < 4; ++i) {
      value |= static_cast<std::uint32_t>(u8()) << (8 * i);
    }
    return value;
  }
  std::uint64_t u64() {
    std::uint64_t value = 0;
    for (int i = 0; i < 8; ++i) {
      value |= static_cast<std::uint64_t>(u8()) << (8 * i);
    }
    return value;
  }
  double f64() { return std::bit_cast<double>(u64()); }
  std::string text() {
    const std::uint32_t size = u32();
    need(size);
    std::string value(m_data.substr(m_at, size));
    m_at += size;
    return value;
  }
  // A number below `limit`, such as an index into a table of that size.
  std::uint32_t below(std::size_t limit) {
    const std::uint32_t value = u32();
    if (value >= limit) {
      throw Damaged{};
    }
    return value;
  }
  std::vector<std::string> texts() {
    std::vector<std::string> values(count(4));
    for (std::string& value : values) {
      value = text();
    }
    return values;
  }
  SourceLocation where() {
    const std::uint32_t file = u32();
    if (file == m_files.size()) {
      m_files.push_back(text());
    } else if (file > m_files.size()) {
      throw Damaged{};
    }
    SourceLocation location{m_files[file], 0, 0};
    location.line = static_cast<int>(u32());
    location.column = static_cast<int>(u32());
    return location;
  }
  // A count of items each at least `smallest` bytes long: never more than the data could hold.
  std::size_t count(std::size_t smallest) {
    const std::uint32_t value = u32();
    if (static_cast<std::size_t>(value) * smallest > m_data.size() - m_at) {
      throw Damaged{};
    }
    return value;
  }
  [[nodiscard]] bool at_end() const { return m_at == m_data.size(); }
  [[nodiscard]] std::size_t position() const { return m_at; }

private:
  void need(std::size_t bytes) const {
    if (bytes > m_data.size() - m_at) {
      throw Damaged{};
    }
  }

  std::string_view m_data;
  std::size_t m_at = 0;
  std::vector<std::string> m_files;
};

template <typename Enum>
Enum checked_enum(std::uint8_t value, Enum last) {
  if (value > static_cast<std::uint8_t>(last)) {
    throw Damaged{};
  }
  return static_cast<Enum>(value);
}

void write_technique(Writer& out, const Technique& technique) {
  out.text(technique.id);
  out.text(technique.name);
  out.texts(technique.aliases);
  out.text(technique.summary);
  out.u8(static_cast<std::uint8_t>(technique.pressure_min));
  out.u8(static_cast<std::uint8_t>(technique.pressure_max));
  out.texts(technique.aftercare);
  out.texts(technique.traits);
  out.where(technique.origin);
}

Technique read_technique(Reader& in) {
  Technique technique;
  technique.id = in.text();
  technique.name = in.text();
  technique.aliases = in.texts();
  technique.summary = in.text();
  technique.pressure_min = checked_enum(in.u8(), Pressure::firm);
  technique.pressure_max = checked_enum(in.u8(), Pressure::firm);
  technique.aftercare = in.texts();
  technique.traits = in.texts();
  technique.origin = in.where();
  return technique;
}

void write_elements(Writer& out, const std::vector<PatternElement>& elements) {
  out.u32(static_cast<std::uint32_t>(elements.size()));
  for (const PatternElement& element : elements) {
    out.u8(static_cast<std::uint8_t>(element.kind));
    out.text(element.text);
    out.u8(element.optional ? 1 : 0);
    out.u32(static_cast<std::uint32_t>(element.max_gap));
    out.where(element.where);
  }
}

std::vector<PatternElement> read_elements(Reader& in) {
  std::vector<PatternElement> elements(in.count(14));
  for (PatternElement& element : elements) {
    element.kind = checked_enum(in.u8(), PatternElement::Kind::gap);
    element.text = in.text();
    element.optional = in.u8() != 0;
    element.max_gap = static_cast<int>(in.u32());
    element.where = in.where();
  }
  return elements;
}

void write_pattern(Writer& out, const Pattern& pattern) {
  out.u8(static_cast<std::uint8_t>(pattern.kind));
  write_elements(out, pattern.elements);
  out.u32(static_cast<std::uint32_t>(pattern.within));
  write_elements(out, pattern.only_near);
  write_elements(out, pattern.not_near);
  out.u32(static_cast<std::uint32_t>(pattern.reach));
  out.text(pattern.text);
  out.where(pattern.where);
}

Pattern read_pattern(Reader& in) {
  Pattern pattern;
  pattern.kind = checked_enum(in.u8(), Pattern::Kind::near);
  pattern.elements = read_elements(in);
  pattern.within = static_cast<int>(in.u32());
  pattern.only_near = read_elements(in);
  pattern.not_near = read_elements(in);
  pattern.reach = static_cast<int>(in.u32());
  pattern.text = in.text();
  pattern.where = in.where();
  return pattern;
}

void write_concept(Writer& out, const Concept& entry) {
  out.text(entry.id);
  out.u8(static_cast<std::uint8_t>(entry.kind));
  out.text(entry.name);
  out.texts(entry.aliases);
  out.u32(static_cast<std::uint32_t>(entry.phrases.size()));
  for (const Phrase& phrase : entry.phrases) {
    out.text(phrase.text);
    out.where(phrase.where);
  }
  out.u32(static_cast<std::uint32_t>(entry.patterns.size()));
  for (const Pattern& pattern : entry.patterns) {
    write_pattern(out, pattern);
  }
  out.u8(entry.fuzzy ? 1 : 0);
  out.u8(entry.report_only ? 1 : 0);
  out.u8(entry.hint ? 1 : 0);
  out.where(entry.origin);
  out.f64(entry.counts_within_weeks);
  for (const ConceptLink* link : {&entry.past, &entry.family}) {
    out.text(link->id);
    out.where(link->where);
  }
}

Concept read_concept(Reader& in) {
  Concept entry;
  entry.id = in.text();
  entry.kind = checked_enum(in.u8(), ConceptKind::red_flag);
  entry.name = in.text();
  entry.aliases = in.texts();
  entry.phrases.resize(in.count(16));
  for (Phrase& phrase : entry.phrases) {
    phrase.text = in.text();
    phrase.where = in.where();
  }
  entry.patterns.resize(in.count(16));
  for (Pattern& pattern : entry.patterns) {
    pattern = read_pattern(in);
  }
  entry.fuzzy = in.u8() != 0;
  entry.report_only = in.u8() != 0;
  entry.hint = in.u8() != 0;
  entry.origin = in.where();
  entry.counts_within_weeks = in.f64();
  for (ConceptLink* link : {&entry.past, &entry.family}) {
    link->id = in.text();
    link->where = in.where();
  }
  return entry;
}

void write_word_set(Writer& out, const WordSet& set) {
  out.text(set.id);
  out.texts(set.members);
  for (const SourceLocation& where : set.member_where) {
    out.where(where);
  }
  out.texts(set.member_source);
  out.where(set.origin);
}

WordSet read_word_set(Reader& in) {
  WordSet set;
  set.id = in.text();
  set.members = in.texts();
  set.member_where.resize(set.members.size());
  for (SourceLocation& where : set.member_where) {
    where = in.where();
  }
  set.member_source = in.texts();
  set.member_source.resize(set.members.size());
  set.origin = in.where();
  return set;
}

void write_condition(Writer& out, const Condition& condition) {
  out.u8(static_cast<std::uint8_t>(condition.kind));
  out.u32(static_cast<std::uint32_t>(condition.children.size()));
  for (const Condition& child : condition.children) {
    write_condition(out, child);
  }
  out.u32(static_cast<std::uint32_t>(condition.concepts.size()));
  for (ConceptId id : condition.concepts) {
    out.u32(id);
  }
  out.u8(static_cast<std::uint8_t>(condition.concept_kind));
  out.u8(condition.any_kind ? 1 : 0);
  for (Pressure pressure : {Pressure::low, Pressure::medium, Pressure::firm}) {
    out.u8(condition.pressures.contains(pressure) ? 1 : 0);
  }
  out.u8(static_cast<std::uint8_t>(condition.field));
  out.u8(static_cast<std::uint8_t>(condition.comparison));
  out.f64(condition.threshold);
  out.where(condition.where);
}

class SetReader {
public:
  explicit SetReader(Reader& in) : m_in(in) {}

  Condition condition(std::size_t depth) {
    if (depth > k_max_condition_depth) {
      throw Damaged{};
    }
    Condition condition;
    condition.kind = checked_enum(m_in.u8(), Condition::Kind::number);
    condition.children.resize(m_in.count(20));
    for (Condition& child : condition.children) {
      child = this->condition(depth + 1);
    }
    condition.concepts.resize(m_in.count(4));
    for (ConceptId& id : condition.concepts) {
      id = concept_id();
    }
    condition.concept_kind = checked_enum(m_in.u8(), ConceptKind::red_flag);
    condition.any_kind = m_in.u8() != 0;
    for (Pressure pressure : {Pressure::low, Pressure::medium, Pressure::firm}) {
      if (m_in.u8() != 0) {
        condition.pressures.insert(pressure);
      }
    }
    condition.field = checked_enum(m_in.u8(), NumericField::intensity);
    condition.comparison = checked_enum(m_in.u8(), Comparison::equals);
    condition.threshold = m_in.f64();
    condition.where = m_in.where();
    return condition;
  }

  Rule rule() {
    Rule rule;
    rule.id = m_in.text();
    rule.when = condition(0);
    rule.weights.resize(m_in.count(12));
    for (Weight& weight : rule.weights) {
      weight.technique = technique_id();
      weight.value = m_in.f64();
    }
    rule.excludes.resize(m_in.count(4));
    for (TechniqueId& id : rule.excludes) {
      id = technique_id();
    }
    rule.cautions.resize(m_in.count(8));
    for (Caution& caution : rule.cautions) {
      caution.technique = technique_id();
      caution.text = m_in.text();
    }
    if (m_in.u8() != 0) {
      Referral referral;
      referral.level = checked_enum(m_in.u8(), ReferralLevel::emergency);
      referral.advice = m_in.text();
      rule.referral = std::move(referral);
    }
    rule.advice = m_in.text();
    rule.because = m_in.text();
    rule.source = m_in.text();
    rule.origin = m_in.where();
    return rule;
  }

  void set_counts(std::size_t techniques, std::size_t concepts) {
    m_techniques = techniques;
    m_concepts = concepts;
  }

private:
  // Ids index vectors when rules are evaluated: one out of range must never get that far.
  TechniqueId technique_id() {
    const std::uint32_t id = m_in.u32();
    if (id >= m_techniques) {
      throw Damaged{};
    }
    return static_cast<TechniqueId>(id);
  }
  ConceptId concept_id() {
    const std::uint32_t id = m_in.u32();
    if (id >= m_concepts) {
      throw Damaged{};
    }
    return static_cast<ConceptId>(id);
  }

  Reader& m_in;
  std::size_t m_techniques = 0;
  std::size_t m_concepts = 0;
};

void write_rule(Writer& out, const Rule& rule) {
  out.text(rule.id);
  write_condition(out, rule.when);
  out.u32(static_cast<std::uint32_t>(rule.weights.size()));
  for (const Weight& weight : rule.weights) {
    out.u32(weight.technique);
    out.f64(weight.value);
  }
  out.u32(static_cast<std::uint32_t>(rule.excludes.size()));
  for (TechniqueId id : rule.excludes) {
    out.u32(id);
  }
  out.u32(static_cast<std::uint32_t>(rule.cautions.size()));
  for (const Caution& caution : rule.cautions) {
    out.u32(caution.technique);
    out.text(caution.text);
  }
  out.u8(rule.referral ? 1 : 0);
  if (rule.referral) {
    out.u8(static_cast<std::uint8_t>(rule.referral->level));
    out.text(rule.referral->advice);
  }
  out.text(rule.advice);
  out.text(rule.because);
  out.text(rule.source);
  out.where(rule.origin);
}

} // namespace

// The compiled vocabulary, so a start with a warm cache skips tokenising and stemming every
// phrase again (most of what was left of such a start). Where each phrase was defined is not
// kept: only compiling reports it.
struct VocabularyCodec {
  // The vocabulary section is read again on its own, later, so its locations name their files from
  // a table of its own rather than from the payload's.
  class Files {
  public:
    explicit Files(const Vocabulary::Tables& vocabulary) {
      for (const auto& node : vocabulary.nodes) {
        if (node.concept_id) {
          add(node.where.file);
        }
      }
      for (const auto& rule : vocabulary.patterns.patterns) {
        add(rule.where.file);
      }
    }
    void write(Writer& out) const { out.texts(m_names); }
    void where(Writer& out, const SourceLocation& location) const {
      out.u32(m_index.at(location.file));
      out.u32(static_cast<std::uint32_t>(location.line));
      out.u32(static_cast<std::uint32_t>(location.column));
    }

  private:
    void add(const std::string& file) {
      if (m_index.try_emplace(file, static_cast<std::uint32_t>(m_names.size())).second) {
        m_names.push_back(file);
      }
    }
    std::vector<std::string> m_names;
    std::unordered_map<std::string, std::uint32_t> m_index;
  };

  static SourceLocation read_where(Reader& in, const std::vector<std::string>& files) {
    SourceLocation location;
    location.file = files.at(in.below(files.size()));
    location.line = static_cast<int>(in.u32());
    location.column = static_cast<int>(in.u32());
    return location;
  }

  static void write(Writer& out, const Vocabulary::Tables& vocabulary) {
    const Files files(vocabulary);
    files.write(out);
    out.u32(vocabulary.word_count);
    out.u64(vocabulary.phrase_count);
    for (const auto* words : {&vocabulary.written, &vocabulary.stems}) {
      out.u32(static_cast<std::uint32_t>(words->size()));
      for (const auto& [text, id] : *words) {
        out.text(text);
        out.u32(id);
      }
    }
    out.u32(static_cast<std::uint32_t>(vocabulary.by_length.size()));
    for (const auto& candidates : vocabulary.by_length) {
      out.u32(static_cast<std::uint32_t>(candidates.size()));
      for (const Vocabulary::Tables::Candidate& candidate : candidates) {
        out.text(candidate.written);
        out.u32(candidate.id);
        out.u32(candidate.letters);
      }
    }
    out.u32(static_cast<std::uint32_t>(vocabulary.nodes.size()));
    for (const Vocabulary::Tables::Node& node : vocabulary.nodes) {
      out.u8(node.concept_id ? 1 : 0);
      out.u32(node.concept_id.value_or(0));
      if (node.concept_id) {
        files.where(out, node.where);
      }
      out.u32(static_cast<std::uint32_t>(node.children.size()));
      for (const auto& [word, child] : node.children) {
        out.u32(word);
        out.u32(child);
      }
    }
    for (const auto* flags : {&vocabulary.red_flags, &vocabulary.fuzzy, &vocabulary.stated}) {
      out.u32(static_cast<std::uint32_t>(flags->size()));
      for (const bool flag : *flags) {
        out.u8(flag ? 1 : 0);
      }
    }
    write_patterns(out, files, vocabulary.patterns);
    out.u32(static_cast<std::uint32_t>(vocabulary.kinds.size()));
    for (const ConceptKind kind : vocabulary.kinds) {
      out.u8(static_cast<std::uint8_t>(kind));
    }
    for (std::size_t i = 0; i < vocabulary.kinds.size(); ++i) {
      out.f64(vocabulary.counts_within[i]);
      out.u32(vocabulary.past[i].value_or(k_no_concept));
      out.u32(vocabulary.family[i].value_or(k_no_concept));
    }
    write_context(out, vocabulary.context);
  }

  // Modifiers and word classes are written as read; compiling them again is cheap. Where they
  // were defined is not kept: only loading reports it.
  static void write_context(Writer& out, const ContextCues& context) {
    out.u32(static_cast<std::uint32_t>(context.modifiers().size()));
    for (const Modifier& modifier : context.modifiers()) {
      out.texts(modifier.cues);
      out.u8(modifier.category ? static_cast<std::uint8_t>(*modifier.category) + 1 : 0);
      out.u8(static_cast<std::uint8_t>(modifier.direction));
      out.u32(static_cast<std::uint32_t>(modifier.scope));
      out.u32(static_cast<std::uint32_t>(modifier.red_flag_scope));
      out.u32(static_cast<std::uint32_t>(modifier.applies_to.size()));
      for (const ConceptKind kind : modifier.applies_to) {
        out.u8(static_cast<std::uint8_t>(kind));
      }
      out.u32(static_cast<std::uint32_t>(modifier.ends.size()));
      for (const ModifierCategory category : modifier.ends) {
        out.u8(static_cast<std::uint8_t>(category));
      }
      out.texts(modifier.not_before);
      out.u8(modifier.not_before_a_concept ? 1 : 0);
      out.u8(modifier.only_in_questions ? 1 : 0);
      out.u8(modifier.only_before_a_concept ? 1 : 0);
      out.u8(modifier.needs_a_speaker ? 1 : 0);
    }
    out.u32(static_cast<std::uint32_t>(context.word_classes().size()));
    for (const WordClassWords& entry : context.word_classes()) {
      out.u8(static_cast<std::uint8_t>(entry.word_class));
      out.texts(entry.words);
    }
    out.u32(static_cast<std::uint32_t>(context.number_words().size()));
    for (const NumberWords& entry : context.number_words()) {
      out.u8(static_cast<std::uint8_t>(entry.role));
      out.texts(entry.words);
      out.u32(static_cast<std::uint32_t>(entry.values.size()));
      for (const double value : entry.values) {
        out.f64(value);
      }
    }
  }

  static int read_scope(Reader& in) {
    const auto value = static_cast<std::int32_t>(in.u32());
    if (value < k_clause || value > k_max_modifier_scope) {
      throw Damaged{};
    }
    return value;
  }

  static ContextCues read_context(Reader& in) {
    std::vector<Modifier> modifiers(in.count(20));
    if (modifiers.size() > k_max_modifiers) {
      throw Damaged{};
    }
    for (Modifier& modifier : modifiers) {
      modifier.cues = in.texts();
      if (const std::uint8_t category = in.u8(); category != 0) {
        modifier.category = checked_enum(static_cast<std::uint8_t>(category - 1), ModifierCategory::historical);
      }
      modifier.direction = checked_enum(in.u8(), ModifierDirection::pseudo);
      modifier.scope = read_scope(in);
      modifier.red_flag_scope = read_scope(in);
      modifier.applies_to.resize(in.count(1));
      for (ConceptKind& kind : modifier.applies_to) {
        kind = checked_enum(in.u8(), ConceptKind::red_flag);
      }
      modifier.ends.resize(in.count(1));
      for (ModifierCategory& category : modifier.ends) {
        category = checked_enum(in.u8(), ModifierCategory::historical);
      }
      modifier.not_before = in.texts();
      modifier.not_before_a_concept = in.u8() != 0;
      modifier.only_in_questions = in.u8() != 0;
      modifier.only_before_a_concept = in.u8() != 0;
      modifier.needs_a_speaker = in.u8() != 0;
      const bool scoped =
          modifier.direction != ModifierDirection::terminate && modifier.direction != ModifierDirection::pseudo;
      if (scoped != modifier.category.has_value() || modifier.cues.empty()) {
        throw Damaged{}; // the matcher relies on what loading checked
      }
    }
    std::vector<WordClassWords> classes(in.count(5));
    for (WordClassWords& entry : classes) {
      entry.word_class = checked_enum(in.u8(), WordClass::current);
      entry.words = in.texts();
    }
    std::vector<NumberWords> numbers(in.count(9));
    for (NumberWords& entry : numbers) {
      entry.role = checked_enum(in.u8(), NumberRole::age_now);
      entry.words = in.texts();
      entry.values.resize(in.count(8));
      for (double& value : entry.values) {
        value = in.f64();
        if (!std::isfinite(value) || value <= 0) {
          throw Damaged{};
        }
      }
      if (entry.values.size() != (has_values(entry.role) ? entry.words.size() : 0)) {
        throw Damaged{};
      }
    }
    return {std::move(modifiers), std::move(classes), std::move(numbers)};
  }

  static void write_patterns(Writer& out, const Files& files, const CompiledPatterns& patterns) {
    out.u32(static_cast<std::uint32_t>(patterns.sets.size()));
    for (std::size_t set = 0; set < patterns.sets.size(); ++set) {
      out.text(patterns.set_names[set]);
      out.u32(static_cast<std::uint32_t>(patterns.sets[set].size()));
      for (const auto& member : patterns.sets[set]) {
        out.u32(static_cast<std::uint32_t>(member.size()));
        for (const WordId word : member) {
          out.u32(word);
        }
      }
    }
    out.u8(patterns.clause_breaks ? 1 : 0);
    out.u32(patterns.clause_breaks.value_or(0));
    out.u8(patterns.any_number ? 1 : 0);
    out.u32(patterns.any_number.value_or(0));
    out.u32(static_cast<std::uint32_t>(patterns.with_exact_forms.size()));
    for (const WordId word : patterns.with_exact_forms) {
      out.u32(word);
    }
    out.u32(static_cast<std::uint32_t>(patterns.patterns.size()));
    for (const CompiledPatterns::Rule& rule : patterns.patterns) {
      out.u32(rule.concept_id);
      out.u8(rule.near ? 1 : 0);
      out.u8(rule.within);
      out.u8(rule.reach);
      out.u8(rule.absorbs ? 1 : 0);
      out.u8(rule.hint ? 1 : 0);
      out.u32(static_cast<std::uint32_t>(rule.steps.size()));
      for (const CompiledPatterns::Step& step : rule.steps) {
        out.u8(step.gap ? 1 : 0);
        out.u8(step.optional ? 1 : 0);
        out.u8(step.max_gap);
        out.u32(step.set);
      }
      for (const auto* sets : {&rule.only_near, &rule.not_near}) {
        out.u32(static_cast<std::uint32_t>(sets->size()));
        for (const std::uint32_t set : *sets) {
          out.u32(set);
        }
      }
      out.text(rule.text);
      files.where(out, rule.where);
    }
  }

  static void read_patterns(Reader& in, std::size_t concept_count, std::uint32_t words,
                            const std::vector<std::string>& files, CompiledPatterns& into) {
    const std::size_t sets = in.count(8);
    into.sets.resize(sets);
    into.set_names.resize(sets);
    for (std::size_t set = 0; set < sets; ++set) {
      into.set_names[set] = in.text();
      into.sets[set].resize(in.count(4));
      for (auto& member : into.sets[set]) {
        member.resize(in.count(4));
        for (WordId& word : member) {
          word = in.below(words);
        }
      }
    }
    const bool has_breaks = in.u8() != 0;
    const std::uint32_t breaks = in.u32();
    if (has_breaks) {
      if (breaks >= sets) {
        throw Damaged{};
      }
      into.clause_breaks = breaks;
    }
    if (in.u8() != 0) {
      into.any_number = in.below(words);
    } else {
      in.u32();
    }
    into.with_exact_forms.resize(in.count(4));
    for (WordId& word : into.with_exact_forms) {
      word = in.below(words);
    }
    if (!std::is_sorted(into.with_exact_forms.begin(), into.with_exact_forms.end())) {
      throw Damaged{}; // looked up by binary search
    }
    into.patterns.resize(in.count(20));
    for (CompiledPatterns::Rule& rule : into.patterns) {
      rule.concept_id = in.below(concept_count);
      rule.near = in.u8() != 0;
      rule.within = in.u8();
      rule.reach = in.u8();
      rule.absorbs = in.u8() != 0;
      rule.hint = in.u8() != 0;
      rule.steps.resize(in.count(7));
      for (CompiledPatterns::Step& step : rule.steps) {
        step.gap = in.u8() != 0;
        step.optional = in.u8() != 0;
        step.max_gap = in.u8();
        step.set = step.gap ? in.u32() : in.below(sets);
      }
      if (rule.steps.empty() || rule.steps.front().gap) {
        throw Damaged{}; // the matcher anchors a pattern on its first set
      }
      for (auto* target : {&rule.only_near, &rule.not_near}) {
        target->resize(in.count(4));
        for (std::uint32_t& set : *target) {
          set = in.below(sets);
        }
      }
      rule.text = in.text();
      rule.where = read_where(in, files);
    }
  }

  // Reads the tables into `vocabulary`, or with nothing to read into only checks every count,
  // id and index, so the tables can be built later, on first use, without a chance of failing.
  static void read(Reader& in, std::size_t concept_count, Vocabulary::Tables* vocabulary) {
    Vocabulary::Tables unused;
    Vocabulary::Tables& into = vocabulary != nullptr ? *vocabulary : unused;
    const bool build = vocabulary != nullptr;
    const std::vector<std::string> files = in.texts();
    const std::uint32_t words = in.u32();
    const std::uint64_t phrases = in.u64();
    if (build) {
      into.word_count = words;
      into.phrase_count = phrases;
    }
    for (auto* table : {&into.written, &into.stems}) {
      const std::size_t size = in.count(8);
      if (build) {
        table->reserve(size);
      }
      for (std::size_t i = 0; i < size; ++i) {
        std::string text = in.text();
        const std::uint32_t id = in.below(words);
        if (build) {
          table->emplace(std::move(text), id);
        }
      }
    }
    const std::size_t lengths = in.count(4);
    if (build) {
      into.by_length.resize(lengths);
    }
    for (std::size_t length = 0; length < lengths; ++length) {
      const std::size_t size = in.count(12);
      for (std::size_t i = 0; i < size; ++i) {
        Vocabulary::Tables::Candidate candidate;
        candidate.written = in.text();
        candidate.id = in.below(words);
        candidate.letters = in.u32();
        if (build) {
          into.by_length[length].push_back(std::move(candidate));
        }
      }
    }
    const std::size_t nodes = in.count(9);
    if (nodes == 0) {
      throw Damaged{}; // the root is always there
    }
    if (build) {
      into.nodes.assign(nodes, Vocabulary::Tables::Node{});
    }
    for (std::size_t n = 0; n < nodes; ++n) {
      const bool has_concept = in.u8() != 0;
      const std::uint32_t concept_id = in.u32();
      if (has_concept && concept_id >= concept_count) {
        throw Damaged{};
      }
      SourceLocation where = has_concept ? read_where(in, files) : SourceLocation{};
      const std::size_t children = in.count(8);
      if (build) {
        if (has_concept) {
          into.nodes[n].concept_id = concept_id;
          into.nodes[n].where = std::move(where);
        }
        into.nodes[n].children.reserve(children);
      }
      for (std::size_t i = 0; i < children; ++i) {
        const std::uint32_t word = in.below(words);
        const std::uint32_t child = in.below(nodes);
        if (build) {
          into.nodes[n].children.emplace(word, child);
        }
      }
    }
    for (auto* flags : {&into.red_flags, &into.fuzzy, &into.stated}) {
      const std::size_t size = in.count(1);
      if (size != concept_count) {
        throw Damaged{};
      }
      if (build) {
        flags->resize(size);
      }
      for (std::size_t i = 0; i < size; ++i) {
        const bool flag = in.u8() != 0;
        if (build) {
          (*flags)[i] = flag;
        }
      }
    }
    CompiledPatterns patterns;
    read_patterns(in, concept_count, words, files, patterns);
    if (in.count(1) != concept_count) {
      throw Damaged{};
    }
    std::vector<ConceptKind> kinds(concept_count);
    for (ConceptKind& kind : kinds) {
      kind = checked_enum(in.u8(), ConceptKind::red_flag);
    }
    std::vector<double> counts_within(concept_count);
    std::vector<std::optional<ConceptId>> past(concept_count);
    std::vector<std::optional<ConceptId>> family(concept_count);
    const auto read_link = [&](std::optional<ConceptId>& link) {
      if (const std::uint32_t other = in.u32(); other != k_no_concept) {
        if (other >= concept_count) {
          throw Damaged{};
        }
        link = other;
      }
    };
    for (std::size_t i = 0; i < concept_count; ++i) {
      counts_within[i] = in.f64();
      read_link(past[i]);
      read_link(family[i]);
    }
    ContextCues context = read_context(in);
    if (build) {
      into.patterns = std::move(patterns);
      into.kinds = std::move(kinds);
      into.counts_within = std::move(counts_within);
      into.past = std::move(past);
      into.family = std::move(family);
      into.context = std::move(context);
    }
  }
};

namespace {

void write_question(Writer& out, const Question& question) {
  out.text(question.id);
  out.u8(static_cast<std::uint8_t>(question.field));
  out.text(question.ask);
  out.text(question.sign);
  out.u32(static_cast<std::uint32_t>(question.yes.size()));
  for (ConceptId id : question.yes) {
    out.u32(id);
  }
  out.u32(static_cast<std::uint32_t>(question.hints.size()));
  for (ConceptId id : question.hints) {
    out.u32(id);
  }
  out.u8(question.hint_when ? 1 : 0);
  if (question.hint_when) {
    write_condition(out, *question.hint_when);
  }
  out.u8(question.tier ? static_cast<std::uint8_t>(*question.tier) + 1 : 0);
  out.where(question.where);
}

Question read_cached_question(Reader& in, SetReader& reader, std::size_t concepts) {
  Question question;
  question.id = in.text();
  question.field = checked_enum(in.u8(), QuestionField::description);
  question.ask = in.text();
  question.sign = in.text();
  question.yes.resize(in.count(4));
  for (ConceptId& id : question.yes) {
    id = in.below(concepts);
  }
  question.hints.resize(in.count(4));
  for (ConceptId& id : question.hints) {
    id = in.below(concepts);
  }
  if (in.u8() != 0) {
    question.hint_when = reader.condition(0);
  }
  if (const std::uint8_t tier = in.u8(); tier != 0) {
    question.tier = checked_enum(static_cast<std::uint8_t>(tier - 1), ReferralLevel::emergency);
  }
  question.where = in.where();
  return question;
}

std::string payload_of(const RuleSet& rules) {
  Writer out;
  out.u32(static_cast<std::uint32_t>(rules.traits().size()));
  for (const Trait& trait : rules.traits()) {
    out.text(trait.id);
    out.text(trait.name);
    out.where(trait.origin);
  }
  out.u32(static_cast<std::uint32_t>(rules.techniques().size()));
  for (const Technique& technique : rules.techniques()) {
    write_technique(out, technique);
  }
  out.u32(static_cast<std::uint32_t>(rules.concepts().size()));
  for (const Concept& entry : rules.concepts()) {
    write_concept(out, entry);
  }
  out.u32(static_cast<std::uint32_t>(rules.word_sets().size()));
  for (const WordSet& set : rules.word_sets()) {
    write_word_set(out, set);
  }
  VocabularyCodec::write(out, rules.vocabulary().tables());
  out.u32(static_cast<std::uint32_t>(rules.rules().size()));
  for (const Rule& rule : rules.rules()) {
    write_rule(out, rule);
  }
  out.u32(static_cast<std::uint32_t>(rules.disabled_rules().size()));
  for (const auto& [rule, where] : rules.disabled_rules()) {
    write_rule(out, rule);
    out.where(where);
  }
  out.u32(static_cast<std::uint32_t>(rules.questions().size()));
  for (const Question& question : rules.questions()) {
    write_question(out, question);
  }
  out.u32(static_cast<std::uint32_t>(rules.safety_net().size()));
  for (const SafetyNetLine& line : rules.safety_net()) {
    out.u8(static_cast<std::uint8_t>(line.level));
    out.text(line.say);
    out.text(line.if_yes);
    out.text(line.action);
    out.where(line.where);
  }
  return std::move(out.out());
}

RuleSet rule_set_of(std::string_view payload) {
  Reader in(payload);
  SetReader reader(in);
  RuleSet rules;
  const std::size_t traits = in.count(8);
  for (std::size_t i = 0; i < traits; ++i) {
    Trait trait;
    trait.id = in.text();
    trait.name = in.text();
    trait.origin = in.where();
    rules.put_trait(std::move(trait));
  }
  const std::size_t techniques = in.count(16);
  for (std::size_t i = 0; i < techniques; ++i) {
    rules.add_technique(read_technique(in));
  }
  const std::size_t concepts = in.count(16);
  for (std::size_t i = 0; i < concepts; ++i) {
    rules.add_concept(read_concept(in));
  }
  const std::size_t word_sets = in.count(16);
  for (std::size_t i = 0; i < word_sets; ++i) {
    rules.put_word_set(read_word_set(in));
  }
  reader.set_counts(techniques, concepts);
  // Checked now, built on first use: a profile without a description never needs it.
  const std::size_t vocabulary_start = in.position();
  VocabularyCodec::read(in, concepts, nullptr);
  rules.set_vocabulary_source(
      [packed = std::string(payload.substr(vocabulary_start, in.position() - vocabulary_start)), concepts] {
        Vocabulary::Tables tables;
        Reader packed_tables(packed);
        try {
          VocabularyCodec::read(packed_tables, concepts, &tables);
        } catch (const Damaged&) {
          return Vocabulary{}; // cannot happen: these very bytes passed the check above
        }
        return Vocabulary(std::move(tables));
      });
  const std::size_t active = in.count(16);
  for (std::size_t i = 0; i < active; ++i) {
    rules.put_rule(reader.rule());
  }
  const std::size_t disabled = in.count(16);
  for (std::size_t i = 0; i < disabled; ++i) {
    Rule rule = reader.rule();
    rules.add_disabled_rule(std::move(rule), in.where());
  }
  const std::size_t questions = in.count(16);
  for (std::size_t i = 0; i < questions; ++i) {
    rules.put_question(read_cached_question(in, reader, concepts));
  }
  const std::size_t lines = in.count(8);
  for (std::size_t i = 0; i < lines; ++i) {
    SafetyNetLine line;
    line.level = checked_enum(in.u8(), ReferralLevel::emergency);
    line.say = in.text();
    line.if_yes = in.text();
    line.action = in.text();
    line.where = in.where();
    rules.put_safety_net_line(std::move(line));
  }
  if (!in.at_end() || rules.techniques().empty()) {
    throw Damaged{};
  }
  // The vocabulary's red flags and stated concepts were stored already marked.
  rules.index_rules();
  return rules;
}

// A fast 64-bit mix over eight bytes at a time: the key is read on every start, over every
// byte of every rule file, so it must cost far less than parsing them would.
std::uint64_t mix(std::string_view data, std::uint64_t hash) {
  std::size_t at = 0;
  for (; at + 8 <= data.size(); at += 8) {
    std::uint64_t word = 0;
    std::memcpy(&word, data.data() + at, 8);
    hash = (hash ^ word) * 0x9e3779b97f4a7c15ULL;
    hash ^= hash >> 29U;
  }
  std::uint64_t tail = data.size() - at;
  for (; at < data.size(); ++at) {
    tail = (tail << 8U) | static_cast<unsigned char>(data[at]);
  }
  hash = (hash ^ tail) * 0xbf58476d1ce4e5b9ULL;
  return hash ^ (hash >> 31U);
}

} // namespace

std::string rule_cache_key(const std::vector<RuleSource>& sources, std::string_view build) {
  // Two independent 64-bit hashes over lengths and bytes: a stale cache must not be taken for a fresh one.
  std::uint64_t first = 0x243f6a8885a308d3ULL;
  std::uint64_t second = 0x13198a2e03707344ULL;
  const auto add = [&](std::string_view part) {
    const std::string length = fmt::format("{}:", part.size());
    first = mix(part, mix(length, first));
    second = fnv1a(length, second);
    second = mix(part, second ^ 0xa4093822299f31d0ULL) + (second << 7U);
  };
  add(build);
  add(fmt::format("format {} rules {}", k_cache_format, k_rules_format_version));
  for (const RuleSource& source : sources) {
    add(source.name);
    add(source.text);
  }
  return fmt::format("{:016x}{:016x}", first, second);
}

std::uint64_t rule_cache_checksum(std::string_view payload) {
  return mix(payload, 0x452821e638d01377ULL);
}

std::string serialize_rule_set(const RuleSet& rules, std::string_view key) {
  const std::string payload = payload_of(rules);
  Writer out;
  out.out().append(k_magic);
  out.u32(k_cache_format);
  out.text(key);
  out.u64(payload.size());
  out.u64(rule_cache_checksum(payload));
  out.out().append(payload);
  return std::move(out.out());
}

std::optional<RuleSet> deserialize_rule_set(std::string_view data, std::string_view key) {
  try {
    if (!data.starts_with(k_magic)) {
      return std::nullopt;
    }
    Reader in(data.substr(k_magic.size()));
    if (in.u32() != k_cache_format || in.text() != key) {
      return std::nullopt;
    }
    const std::uint64_t size = in.u64();
    const std::uint64_t checksum = in.u64();
    const std::size_t header = k_magic.size() + 4 + 4 + key.size() + 8 + 8;
    if (data.size() < header || size != data.size() - header) {
      return std::nullopt;
    }
    const std::string_view payload = data.substr(header);
    if (rule_cache_checksum(payload) != checksum) {
      return std::nullopt;
    }
    return rule_set_of(payload);
  } catch (const Damaged&) {
    return std::nullopt;
  }
}

} // namespace backrelief
