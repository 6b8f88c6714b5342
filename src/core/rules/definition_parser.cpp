#include "core/rules/definition_parser.hpp"

#include "core/model/duration.hpp"

#include "core/rules/pattern_parser.hpp"
#include "core/rules/replacement.hpp"
#include "core/util/edit_distance.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <fmt/ranges.h>

namespace backrelief {

namespace {

const std::vector<std::string> k_technique_keys{"id",       "name",      "aliases", "summary",
                                                "pressure", "aftercare", "traits",  "replaces"};
const std::vector<std::string> k_trait_keys{"id", "name", "replaces"};
const std::vector<std::string> k_required_technique_keys{"id", "name", "summary", "pressure"};
const std::vector<std::string> k_concept_keys{"id",       "kind",   "name",        "aliases",  "phrases",
                                              "patterns", "fuzzy",  "report_only", "replaces", "counts",
                                              "past",     "family", "hint"};
const std::vector<std::string> k_vocabulary_keys{"concept", "phrases", "patterns"};
const std::vector<std::string> k_required_vocabulary_keys{"concept"};
const std::vector<std::string> k_required_concept_keys{"id", "kind", "name"};

// The id of a definition whose keys were checked; empty (and `good` false) when it is missing or
// not an identifier. `what` is "technique" or "concept".
std::string read_id(YamlReader& reader, const Fields& fields, std::string_view what, bool& good) {
  const YAML::Node* node = fields.find("id");
  if (node == nullptr) {
    return {};
  }
  auto value = reader.identifier(*node, fmt::format("a {} id", what));
  good = good && value;
  return value.value_or("");
}

std::vector<std::string> read_names(YamlReader& reader, const Fields& fields, std::string_view key,
                                    std::string_view what, bool& good) {
  std::vector<std::string> names;
  const YAML::Node* node = fields.find(key);
  if (node == nullptr) {
    return names;
  }
  auto items = reader.scalar_list(*node, what);
  if (!items) {
    good = false;
    return names;
  }
  for (const YAML::Node& item : *items) {
    if (auto name = reader.identifier(item, what)) {
      names.push_back(*name);
    } else {
      good = false;
    }
  }
  return names;
}

std::string read_text(YamlReader& reader, const Fields& fields, std::string_view key, std::string_view what,
                      bool& good) {
  const YAML::Node* node = fields.find(key);
  if (node == nullptr) {
    return {};
  }
  auto value = reader.text(*node, what);
  good = good && value;
  return value.value_or("");
}

bool read_replaces(YamlReader& reader, const Fields& fields, bool& good) {
  const YAML::Node* node = fields.find("replaces");
  if (node == nullptr) {
    return false;
  }
  auto value = reader.boolean(*node, "'replaces'");
  good = good && value;
  return value.value_or(false);
}

void read_pressure_range(YamlReader& reader, const YAML::Node& node, Technique& technique, bool& good) {
  auto items = reader.scalar_list(node, "a pressure", false); // [firm, firm]: a range of one
  if (!items || items->empty() || items->size() > 2) {
    if (items) {
      reader.error(node, "expected the pressure range as [lightest, firmest], e.g. [low, medium]");
    }
    good = false;
    return;
  }
  std::vector<Pressure> ends;
  for (const YAML::Node& item : *items) {
    if (auto pressure = parse_pressure(item.Scalar())) {
      ends.push_back(*pressure);
    } else {
      reader.error(item, fmt::format("unknown pressure '{}': expected low, medium or firm{}", item.Scalar(),
                                     did_you_mean(item.Scalar(), pressure_spellings())));
      good = false;
      return;
    }
  }
  technique.pressure_min = ends.front();
  technique.pressure_max = ends.back();
  if (technique.pressure_min > technique.pressure_max) {
    reader.error(node, "the pressure range goes from the lightest to the firmest, e.g. [low, medium]");
    good = false;
  }
}

// Rejects a name that already means another technique, so ids and aliases stay unambiguous.
void check_names_free(YamlReader& reader, const YAML::Node& node, const RuleSet& rules, const Technique& technique,
                      std::optional<TechniqueId> self, bool& good) {
  std::vector<std::string> names{technique.id};
  names.insert(names.end(), technique.aliases.begin(), technique.aliases.end());
  for (const std::string& name : names) {
    auto other = rules.find_technique(name);
    if (other && other != self) {
      reader.error(node, fmt::format("'{}' already names the technique '{}'", name, rules.techniques()[*other].id));
      good = false;
    }
    // A rule's `exclude: [x]` must mean one thing: a technique or a trait, never both.
    if (const Trait* trait = rules.find_trait(name)) {
      reader.error(node, fmt::format("'{}' already names a trait (defined at {}); a technique needs another name", name,
                                     to_string(trait->origin)));
      good = false;
    }
  }
}

std::vector<std::string> read_traits(YamlReader& reader, const Fields& fields, const RuleSet& rules, bool& good) {
  std::vector<std::string> traits;
  const YAML::Node* node = fields.find("traits");
  if (node == nullptr) {
    return traits;
  }
  auto items = reader.scalar_list(*node, "a trait");
  if (!items) {
    good = false;
    return traits;
  }
  for (const YAML::Node& item : *items) {
    auto name = reader.identifier(item, "a trait");
    if (!name) {
      good = false;
    } else if (rules.find_trait(*name) == nullptr) {
      const std::string broken = rules.defined_with_errors(*name);
      reader.error(item, broken.empty() ? fmt::format("unknown trait '{}'{}; traits are defined under 'traits:'", *name,
                                                      did_you_mean(*name, rules.trait_ids()))
                                        : fmt::format("unknown trait '{}'{}", *name, broken));
      good = false;
    } else if (std::find(traits.begin(), traits.end(), *name) != traits.end()) {
      reader.error(item, fmt::format("trait '{}' is listed twice", *name));
      good = false;
    } else {
      traits.push_back(*name);
    }
  }
  return traits;
}

// A concept named by id under `key`; the vocabulary checks that it exists, once all are known.
bool read_link(YamlReader& reader, const Fields& fields, std::string_view key, std::string_view what,
               ConceptLink& link) {
  const YAML::Node* node = fields.find(key);
  if (node == nullptr) {
    return true;
  }
  auto id = reader.identifier(*node, what);
  if (!id) {
    return false;
  }
  link = ConceptLink{*id, reader.where(*node)};
  return true;
}

// `counts: ever`, or how recent a mention must be to count: `counts: 4w`, `counts: 1y`.
bool read_counts(YamlReader& reader, const YAML::Node& node, Concept& entry) {
  auto text = reader.text(node, "'counts'");
  if (!text) {
    return false;
  }
  if (*text == "ever") {
    entry.counts_within_weeks = k_counts_ever;
    return true;
  }
  if (auto weeks = parse_duration_weeks(*text); weeks && *weeks > 0) {
    entry.counts_within_weeks = *weeks;
    return true;
  }
  reader.error(node, fmt::format("'counts' is '{}': expected 'ever' or how recent a mention must be to count, "
                                 "as a span such as 3d, 4w, 6m or 1y",
                                 *text));
  return false;
}

bool read_phrases(YamlReader& reader, const YAML::Node& node, std::vector<Phrase>& out) {
  auto items = reader.scalar_list(node, "a phrase");
  if (!items) {
    return false;
  }
  bool good = true;
  for (const YAML::Node& item : *items) {
    if (auto text = reader.text(item, "a phrase")) {
      out.push_back({*text, reader.where(item)});
    } else {
      good = false;
    }
  }
  return good;
}

} // namespace

void add_vocabulary(YamlReader& reader, const YAML::Node& node, RuleSet& rules) {
  auto fields = reader.mapping(node, k_vocabulary_keys, "a vocabulary entry");
  if (!fields || !reader.require(*fields, node, k_required_vocabulary_keys, "a vocabulary entry")) {
    return;
  }
  if (fields->find("phrases") == nullptr && fields->find("patterns") == nullptr) {
    reader.error(node, "a vocabulary entry needs 'phrases', 'patterns' or both");
    return;
  }
  auto id = reader.identifier(*fields->find("concept"), "a concept id");
  if (!id) {
    return;
  }
  const auto existing = rules.find_concept(*id);
  if (!existing) {
    std::vector<std::string> ids;
    for (const Concept& other : rules.concepts()) {
      ids.push_back(other.id);
    }
    reader.error(*fields->find("concept"),
                 fmt::format("unknown concept '{}'{}{}", *id, did_you_mean(*id, ids), rules.defined_with_errors(*id)));
    return;
  }
  std::vector<Phrase> phrases;
  if (const auto* node_phrases = fields->find("phrases");
      node_phrases != nullptr && read_phrases(reader, *node_phrases, phrases)) {
    rules.add_phrases(*existing, std::move(phrases));
  }
  std::vector<Pattern> patterns;
  if (const auto* node_patterns = fields->find("patterns");
      node_patterns != nullptr && read_patterns(reader, *node_patterns, patterns)) {
    rules.add_patterns(*existing, std::move(patterns));
  }
}

void define_technique(YamlReader& reader, const YAML::Node& node, RuleSet& rules) {
  auto fields = reader.mapping(node, k_technique_keys, "a technique");
  if (!fields) {
    return;
  }
  bool good = reader.require(*fields, node, k_required_technique_keys, "a technique");
  Technique technique;
  technique.origin = reader.where(node);
  technique.id = read_id(reader, *fields, "technique", good);
  technique.name = read_text(reader, *fields, "name", "the technique's name", good);
  technique.summary = read_text(reader, *fields, "summary", "the technique's summary", good);
  technique.aliases = read_names(reader, *fields, "aliases", "an alias", good);
  if (const auto* pressure = fields->find("pressure")) {
    read_pressure_range(reader, *pressure, technique, good);
  }
  if (const auto* aftercare = fields->find("aftercare")) {
    if (auto items = reader.scalar_list(*aftercare, "an aftercare line")) {
      for (const YAML::Node& item : *items) {
        technique.aftercare.push_back(reader.text(item, "an aftercare line").value_or(""));
      }
    } else {
      good = false;
    }
  }
  technique.traits = read_traits(reader, *fields, rules, good);
  const bool replaces = read_replaces(reader, *fields, good);
  if (!good) {
    if (!technique.id.empty()) {
      rules.note_defined_with_errors(technique.id, technique.origin);
    }
    return;
  }
  const auto existing = rules.find_technique(technique.id);
  if (existing && rules.techniques()[*existing].id != technique.id) {
    reader.error(node, fmt::format("'{}' is already an alias of the technique '{}'", technique.id,
                                   rules.techniques()[*existing].id));
    return;
  }
  const Definition definition{"technique", technique.id, existing ? &rules.techniques()[*existing].origin : nullptr,
                              replaces};
  if (!allowed_by_replacement_policy(reader, node, definition, [&] { return rules.technique_names(); })) {
    return;
  }
  check_names_free(reader, node, rules, technique, existing, good);
  if (!good) {
    return;
  }
  if (existing) {
    rules.replace_technique(*existing, std::move(technique));
  } else {
    rules.add_technique(std::move(technique));
  }
}

void define_trait(YamlReader& reader, const YAML::Node& node, RuleSet& rules) {
  auto fields = reader.mapping(node, k_trait_keys, "a trait");
  if (!fields) {
    return;
  }
  bool good = reader.require(*fields, node, std::vector<std::string>{"id", "name"}, "a trait");
  Trait trait;
  trait.origin = reader.where(node);
  trait.id = read_id(reader, *fields, "trait", good);
  trait.name = read_text(reader, *fields, "name", "the trait's meaning", good);
  const bool replaces = read_replaces(reader, *fields, good);
  if (!good) {
    if (!trait.id.empty()) {
      rules.note_defined_with_errors(trait.id, trait.origin);
    }
    return;
  }
  const Trait* existing = rules.find_trait(trait.id);
  const Definition definition{"trait", trait.id, existing != nullptr ? &existing->origin : nullptr, replaces};
  if (!allowed_by_replacement_policy(reader, node, definition, [&] { return rules.trait_ids(); })) {
    return;
  }
  rules.put_trait(std::move(trait));
}

void define_concept(YamlReader& reader, const YAML::Node& node, RuleSet& rules) {
  auto fields = reader.mapping(node, k_concept_keys, "a concept");
  if (!fields) {
    return;
  }
  bool good = reader.require(*fields, node, k_required_concept_keys, "a concept");
  Concept entry;
  entry.origin = reader.where(node);
  entry.id = read_id(reader, *fields, "concept", good);
  if (const auto* kind = fields->find("kind")) {
    auto name = reader.text(*kind, "the concept's kind");
    auto parsed = name ? parse_concept_kind(*name) : std::nullopt;
    if (name && !parsed) {
      reader.error(*kind,
                   fmt::format("unknown kind '{}': expected one of {}{}", *name, fmt::join(concept_kind_names(), ", "),
                               did_you_mean(*name, concept_kind_names())));
    }
    good = good && parsed;
    entry.kind = parsed.value_or(ConceptKind::condition);
  }
  entry.name = read_text(reader, *fields, "name", "the concept's name", good);
  entry.aliases = read_names(reader, *fields, "aliases", "an alias", good);
  if (const auto* phrases = fields->find("phrases")) {
    good = read_phrases(reader, *phrases, entry.phrases) && good;
  }
  if (const auto* patterns = fields->find("patterns")) {
    good = read_patterns(reader, *patterns, entry.patterns) && good;
  }
  if (const auto* fuzzy = fields->find("fuzzy")) {
    auto value = reader.boolean(*fuzzy, "'fuzzy'");
    good = good && value;
    entry.fuzzy = value.value_or(true);
  }
  if (const auto* hint = fields->find("hint")) {
    auto value = reader.boolean(*hint, "'hint'");
    good = good && value;
    entry.hint = value.value_or(false);
    // A phrase would compete for its words like any other; a hint only looks on.
    if (entry.hint && fields->find("phrases") != nullptr) {
      reader.error(*fields->find("phrases"), fmt::format("concept '{}' is a hint: give it patterns, such as "
                                                         "'sequence: [<bladder>]', not phrases",
                                                         entry.id));
      good = false;
    }
  }
  if (const auto* report_only = fields->find("report_only")) {
    auto value = reader.boolean(*report_only, "'report_only'");
    good = good && value;
    entry.report_only = value.value_or(false);
  }
  if (const auto* counts = fields->find("counts")) {
    good = read_counts(reader, *counts, entry) && good;
  }
  good = read_link(reader, *fields, "past", "the concept a past mention means", entry.past) && good;
  good = read_link(reader, *fields, "family", "the concept another person's mention means", entry.family) && good;
  const bool replaces = read_replaces(reader, *fields, good);
  if (!good) {
    if (!entry.id.empty()) {
      rules.note_defined_with_errors(entry.id, entry.origin);
    }
    return;
  }
  const auto existing = rules.find_concept(entry.id);
  const auto named = rules.find_concept(entry.kind, entry.id);
  if (named && named != existing) {
    reader.error(node, fmt::format("'{}' already names the {} '{}'", entry.id, to_string(entry.kind),
                                   rules.concepts()[*named].id));
    return;
  }
  const Definition definition{"concept", entry.id, existing ? &rules.concepts()[*existing].origin : nullptr, replaces};
  const auto concept_ids = [&] {
    std::vector<std::string> ids;
    for (const Concept& other : rules.concepts()) {
      ids.push_back(other.id);
    }
    return ids;
  };
  if (!allowed_by_replacement_policy(reader, node, definition, concept_ids)) {
    return;
  }
  if (existing && rules.concepts()[*existing].kind != entry.kind) {
    reader.error(node, fmt::format("concept '{}' is {}; a replacement cannot change its kind", entry.id,
                                   with_article(rules.concepts()[*existing].kind)));
    return;
  }
  for (const std::string& alias : entry.aliases) {
    auto other = rules.find_concept(entry.kind, alias);
    if (other && other != existing) {
      reader.error(node, fmt::format("alias '{}' already names the {} '{}'", alias, to_string(entry.kind),
                                     rules.concepts()[*other].id));
      return;
    }
  }
  if (existing) {
    rules.replace_concept(*existing, std::move(entry));
  } else {
    rules.add_concept(std::move(entry));
  }
}

} // namespace backrelief
