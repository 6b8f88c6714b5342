#include "core/rules/rule_loader.hpp"

#include "core/rules/definition_parser.hpp"
#include "core/rules/modifier_parser.hpp"
#include "core/rules/pattern_parser.hpp"
#include "core/rules/question_parser.hpp"
#include "core/rules/replacement.hpp"
#include "core/rules/rule_parser.hpp"
#include "core/util/edit_distance.hpp"
#include "core/util/file_text.hpp"
#include "core/yaml/yaml_reader.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <tuple>

namespace backrelief {

namespace {

const std::vector<std::string> k_top_keys{"version",   "traits",       "techniques",   "concepts",   "word-sets",
                                          "modifiers", "word-classes", "number-words", "vocabulary", "rules",
                                          "disable",   "questions",    "safety-net"};

// A file that cannot be read is reported at its path, as a problem inside it is: a program that
// embeds the library finds the file in Diagnostic::where, not only in the words.
[[noreturn]] void fail_reading(const std::filesystem::path& path, std::string message) {
  throw Error(ErrorKind::io, std::vector<Diagnostic>{Diagnostic{{path.string()}, std::move(message)}});
}

std::string read_file(const std::filesystem::path& path, const RuleLimits& limits) {
  std::error_code error;
  const auto status = std::filesystem::status(path, error);
  if (error) {
    fail_reading(path, fmt::format("cannot read: {}", error.message()));
  }
  if (!std::filesystem::is_regular_file(status)) {
    fail_reading(path, "not a regular file (a rule file or a directory of them was expected)");
  }
  const auto size = std::filesystem::file_size(path, error);
  if (!error && size > limits.max_file_bytes) {
    fail_reading(
        path, fmt::format("larger than {} bytes ({} bytes); split it into smaller files", limits.max_file_bytes, size));
  }
  auto text = read_file_text(path);
  if (!text) {
    fail_reading(path, "cannot read rule file");
  }
  return std::move(*text);
}

/// One parsed file and its checked top-level keys.
struct Document {
  std::size_t source = 0;
  YAML::Node root;
  Fields fields;
};

class Loader {
public:
  Loader(const std::vector<RuleSource>& sources, const RuleLimits& limits)
      : m_sources(sources), m_limits(limits), m_wordnet(limits.wordnet_directory) {}

  RuleSet load() {
    std::size_t total = 0;
    for (const RuleSource& source : m_sources) {
      total += source.text.size();
    }
    if (total > m_limits.max_total_bytes) {
      throw Error(ErrorKind::io, fmt::format("the rule files together are larger than {} bytes ({} bytes): every "
                                             "file is held in memory while they are read; load fewer or smaller files",
                                             m_limits.max_total_bytes, total));
    }
    std::vector<Document> documents;
    for (std::size_t i = 0; i < m_sources.size(); ++i) {
      if (auto document = parse(i)) {
        documents.push_back(std::move(*document));
      }
    }
    // Definitions first, from every file, so a rule may use a concept defined in a later file;
    // traits before techniques, which name them.
    for (const Document& document : documents) {
      read_section(document, "traits",
                   [this](YamlReader& reader, const YAML::Node& node) { define_trait(reader, node, m_rules); });
    }
    for (const Document& document : documents) {
      read_section(document, "techniques",
                   [this](YamlReader& reader, const YAML::Node& node) { define_technique(reader, node, m_rules); });
      read_section(document, "concepts",
                   [this](YamlReader& reader, const YAML::Node& node) { define_concept(reader, node, m_rules); });
      read_section(document, "word-sets", [this](YamlReader& reader, const YAML::Node& node) {
        define_word_set(reader, node, m_rules, m_wordnet);
      });
      read_section(document, "modifiers",
                   [this](YamlReader& reader, const YAML::Node& node) { add_modifier(reader, node); });
      read_section(document, "word-classes", [this](YamlReader& reader, const YAML::Node& node) {
        if (auto entry = read_word_class(reader, node)) {
          m_word_classes.push_back(std::move(*entry));
        }
      });
      read_section(document, "number-words", [this](YamlReader& reader, const YAML::Node& node) {
        if (auto entry = read_number_words(reader, node)) {
          m_number_words.push_back(std::move(*entry));
        }
      });
    }
    for (const Document& document : documents) {
      read_section(document, "vocabulary",
                   [this](YamlReader& reader, const YAML::Node& node) { add_vocabulary(reader, node, m_rules); });
    }
    check_pattern_sets(m_rules, m_diagnostics);
    check_modifiers_present();
    m_rules.set_vocabulary(
        Vocabulary::compile(m_rules.concepts(), m_rules.word_sets(),
                            ContextCues(std::move(m_modifiers), std::move(m_word_classes), std::move(m_number_words)),
                            m_diagnostics, m_limits.max_vocabulary_entries));
    for (const Document& document : documents) {
      read_section(document, "rules", [this](YamlReader& reader, const YAML::Node& node) { add_rule(reader, node); });
    }
    for (const Document& document : documents) {
      read_section(document, "disable", [this](YamlReader& reader, const YAML::Node& node) { disable(reader, node); });
    }
    // Questions last: a warning sign's tier comes from the referral rules that remain.
    for (const Document& document : documents) {
      read_section(document, "questions",
                   [this](YamlReader& reader, const YAML::Node& node) { add_question(reader, node); });
      read_section(document, "safety-net", [this](YamlReader& reader, const YAML::Node& node) {
        if (auto line = read_safety_net_line(reader, node)) {
          m_rules.put_safety_net_line(std::move(*line));
        }
      });
    }
    mark_referral_concepts(m_rules);
    derive_question_tiers(m_rules);
    check_safety_net_covers_questions();
    m_rules.index_rules();
    if (m_rules.techniques().empty() && m_diagnostics.empty()) {
      Diagnostic missing;
      missing.where.file = m_sources.empty() ? std::string{"rules"} : m_sources.front().name;
      missing.message = "no techniques are defined: the rules need a 'techniques' section";
      m_diagnostics.push_back(std::move(missing));
    }
    if (!m_diagnostics.empty()) {
      throw Error(ErrorKind::invalid_rules, sorted_diagnostics());
    }
    return std::move(m_rules);
  }

private:
  std::optional<Document> parse(std::size_t index) {
    const RuleSource& source = m_sources[index];
    YamlReader reader(
        source.name, m_diagnostics,
        YamlLimits{m_limits.max_file_bytes, YamlLimits{}.max_depth, m_limits.max_yaml_nodes, m_yaml_nodes});
    auto document = reader.parse(source.text);
    if (document) {
      m_yaml_nodes += reader.nodes();
    }
    if (!document) {
      return std::nullopt;
    }
    const YAML::Node root = *document;
    if (!root.IsDefined() || root.IsNull()) {
      reader.error(SourceLocation{source.name, 1, 1}, "empty rule file: expected 'version: 1' and rules");
      return std::nullopt;
    }
    auto fields = reader.mapping(root, k_top_keys, "a rule file");
    if (!fields) {
      return std::nullopt;
    }
    const YAML::Node* version = fields->find("version");
    if (version == nullptr) {
      // Read on as version 1, so that one check shows every other problem of the file too.
      reader.error(SourceLocation{source.name, 1, 1},
                   fmt::format("missing 'version: {}' at the top of the rule file", k_rules_format_version));
      return Document{index, root, std::move(*fields)};
    }
    auto number = reader.integer(*version, "the format version");
    if (!number) {
      return std::nullopt;
    }
    if (*number != k_rules_format_version) {
      reader.error(*version, fmt::format("unsupported format version {}: this backrelief reads version {}", *number,
                                         k_rules_format_version));
      return std::nullopt;
    }
    return Document{index, root, std::move(*fields)};
  }

  template <typename Handler>
  void read_section(const Document& document, std::string_view key, Handler handle) {
    const YAML::Node* section = document.fields.find(key);
    if (section == nullptr || section->IsNull()) {
      return;
    }
    YamlReader reader(m_sources[document.source].name, m_diagnostics);
    if (!section->IsSequence()) {
      reader.error(*section, fmt::format("expected '{}' to be a list, found {}", key, describe_node(*section)));
      return;
    }
    for (const YAML::Node& item : *section) {
      handle(reader, item);
    }
  }

  void add_modifier(YamlReader& reader, const YAML::Node& node) {
    auto modifier = read_modifier(reader, node);
    if (!modifier) {
      return;
    }
    if (m_modifiers.size() == k_max_modifiers) {
      reader.error(node, fmt::format("more than {} modifiers: join cues of the same category, direction and scope "
                                     "into one modifier",
                                     k_max_modifiers));
      return;
    }
    m_modifiers.push_back(std::move(*modifier));
  }

  // Phrases read without modifiers would take "no numbness" for numbness: refuse, rather than
  // answer wrongly.
  void check_modifiers_present() {
    if (!m_modifiers.empty()) {
      return;
    }
    for (const Concept& entry : m_rules.concepts()) {
      if (!entry.phrases.empty() || !entry.patterns.empty()) {
        Diagnostic missing;
        missing.where = entry.phrases.empty() ? entry.patterns.front().where : entry.phrases.front().where;
        missing.message = fmt::format(
            "concept '{}' has phrases, but no rule file defines 'modifiers': without them \"no {}\" would read as "
            "'{}'. Add a 'modifiers' section (the shipped rules/05-context.yaml has one)",
            entry.id, entry.phrases.empty() ? entry.id : entry.phrases.front().text, entry.id);
        m_diagnostics.push_back(std::move(missing));
        return;
      }
    }
  }

  void add_rule(YamlReader& reader, const YAML::Node& node) {
    if (++m_rule_count > m_limits.max_rules) {
      if (m_rule_count == m_limits.max_rules + 1) {
        reader.error(node, fmt::format("more than {} rules: the rest are not read", m_limits.max_rules));
      }
      return;
    }
    auto parsed = parse_rule(reader, node, m_rules);
    if (!parsed) {
      return;
    }
    const Rule* existing = m_rules.find_rule(parsed->rule.id);
    const Definition definition{"rule", parsed->rule.id, existing != nullptr ? &existing->origin : nullptr,
                                parsed->replaces};
    if (!allowed_by_replacement_policy(reader, node, definition, [&] { return m_rules.rule_ids(); })) {
      return;
    }
    m_rules.put_rule(std::move(parsed->rule));
  }

  void add_question(YamlReader& reader, const YAML::Node& node) {
    auto parsed = read_question(reader, node, m_rules);
    if (!parsed) {
      return;
    }
    const Question* existing = m_rules.find_question(parsed->question.id);
    const Definition definition{"question", parsed->question.id, existing != nullptr ? &existing->where : nullptr,
                                parsed->replaces};
    if (!allowed_by_replacement_policy(reader, node, definition, [&] { return m_rules.question_ids(); })) {
      return;
    }
    m_rules.put_question(std::move(parsed->question));
  }

  // A warning sign the safety net could not say what to do about would be left out of it.
  void check_safety_net_covers_questions() {
    for (const Question& question : m_rules.questions()) {
      // A hinted sign is asked with what to do if the answer is yes.
      if (question.tier && (!question.hints.empty() || question.hint_when)) {
        const auto& lines = m_rules.safety_net();
        const bool said = std::any_of(lines.begin(), lines.end(), [&](const SafetyNetLine& line) {
          return line.level == *question.tier && !line.if_yes.empty();
        });
        if (!said) {
          Diagnostic missing;
          missing.where = question.where;
          missing.message = fmt::format("question '{}' has hints and refers at level {}, but no 'safety-net' entry "
                                        "of that level says what to do if the answer is yes: add 'if-yes' to it",
                                        question.id, to_string(*question.tier));
          m_diagnostics.push_back(std::move(missing));
        }
      }
      if (!question.tier || question.sign.empty()) {
        continue;
      }
      const auto& lines = m_rules.safety_net();
      const bool covered = std::any_of(lines.begin(), lines.end(),
                                       [&](const SafetyNetLine& line) { return line.level == *question.tier; });
      if (!covered) {
        Diagnostic missing;
        missing.where = question.where;
        missing.message = fmt::format(
            "question '{}' is about a sign that refers at level {}, but no 'safety-net' entry says what to do at that "
            "level: add {{level: {}, say: ...}}",
            question.id, to_string(*question.tier), to_string(*question.tier));
        m_diagnostics.push_back(std::move(missing));
      }
    }
  }

  void disable(YamlReader& reader, const YAML::Node& node) {
    auto id = reader.identifier(node, "a rule id to disable");
    if (!id) {
      return;
    }
    if (!m_rules.disable_rule(*id, reader.where(node))) {
      reader.error(node, fmt::format("cannot disable unknown rule '{}'{}", *id, did_you_mean(*id, m_rules.rule_ids())));
    }
  }

  std::vector<Diagnostic> sorted_diagnostics() {
    // Report in reading order: by file as given, then by position in the file.
    std::vector<std::string> order;
    for (const RuleSource& source : m_sources) {
      order.push_back(source.name);
    }
    const auto rank = [&order](const Diagnostic& diagnostic) {
      return static_cast<std::size_t>(std::find(order.begin(), order.end(), diagnostic.where.file) - order.begin());
    };
    std::stable_sort(m_diagnostics.begin(), m_diagnostics.end(), [&rank](const Diagnostic& a, const Diagnostic& b) {
      return std::tuple(rank(a), a.where.line, a.where.column) < std::tuple(rank(b), b.where.line, b.where.column);
    });
    return std::move(m_diagnostics);
  }

  const std::vector<RuleSource>& m_sources;
  RuleLimits m_limits;
  WordNetSource m_wordnet;
  std::size_t m_rule_count = 0;
  std::size_t m_yaml_nodes = 0; ///< in the files parsed so far, whose trees are all held
  RuleSet m_rules;
  std::vector<Modifier> m_modifiers;
  std::vector<WordClassWords> m_word_classes;
  std::vector<NumberWords> m_number_words;
  std::vector<Diagnostic> m_diagnostics;
};

} // namespace

bool is_rule_file_name(const std::filesystem::path& path) {
  // Both spellings of YAML's extension: a "*.yml" skipped in silence would be rules not applied.
  return path.extension() == ".yaml" || path.extension() == ".yml";
}

std::vector<RuleSource> read_rule_sources(const std::filesystem::path& path, const RuleLimits& limits) {
  std::error_code error;
  const auto status = std::filesystem::status(path, error);
  if (error && error != std::errc::no_such_file_or_directory) {
    // A symbolic link loop, a directory on the way that may not be searched: there, not readable.
    fail_reading(path, fmt::format("cannot read: {}", error.message()));
  }
  if (error || !std::filesystem::exists(status)) {
    fail_reading(path, "no such rule file or directory");
  }
  if (!std::filesystem::is_directory(status)) {
    return {RuleSource{path.string(), read_file(path, limits)}};
  }
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(path, error)) {
    if (is_rule_file_name(entry.path()) && !entry.is_directory()) {
      files.push_back(entry.path());
    }
  }
  if (error) {
    fail_reading(path, fmt::format("cannot list directory: {}", error.message()));
  }
  if (files.empty()) {
    fail_reading(path, "no *.yaml or *.yml rule files in this directory");
  }
  std::sort(files.begin(), files.end());
  std::vector<RuleSource> sources;
  sources.reserve(files.size());
  for (const auto& file : files) {
    sources.push_back({file.string(), read_file(file, limits)});
  }
  return sources;
}

RuleSet load_rules(const std::vector<RuleSource>& sources, const RuleLimits& limits) {
  const SuggestionBudget suggestions(k_did_you_mean_searches);
  return Loader(sources, limits).load();
}

} // namespace backrelief
