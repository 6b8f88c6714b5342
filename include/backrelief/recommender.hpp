#pragma once

/// @file
/// Rules loaded once, then used for any number of profiles, from any number of threads.

#include <backrelief/analysis.hpp>
#include <backrelief/answer.hpp>
#include <backrelief/export.hpp>
#include <backrelief/profile_input.hpp>

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace backrelief {

/// A rule file held in memory rather than read from disk.
struct RuleText {
  std::string name; ///< What its diagnostics call it, like a path ("clinic.yaml").
  std::string text; ///< Its YAML (backrelief-rules(5)).
};

/// Which rules to load, and how.
struct LoadOptions {
  /// Whether to load the rules that ship with backrelief first.
  bool shipped_rules = true;
  /// Where the shipped rules are; empty: shipped_rules_directory().
  std::filesystem::path shipped_rules_directory;
  /// Rule files, or directories of `*.yaml` and `*.yml`, loaded after the shipped rules, in order.
  std::vector<std::filesystem::path> rule_paths;
  /// Rule texts loaded after the paths, in order.
  std::vector<RuleText> rule_texts;
  /// Where compiled rule sets are kept between runs; empty: no cache. A cache problem is never
  /// an error: the rules are parsed instead.
  std::filesystem::path cache_directory;
  /// Where WordNet's files are, for word sets that name a sense; empty: where Debian puts them.
  std::filesystem::path wordnet_directory;
  /// The largest rule file, and all files together, in bytes; 0: the default of 8 MiB.
  std::size_t max_rule_bytes = 0;
};

/// Where the shipped rules were installed (share/backrelief/rules under the install prefix).
BACKRELIEF_API std::filesystem::path shipped_rules_directory();

/// Loaded rules: immutable once made, cheap to copy (copies share the rules), and safe to use
/// from many threads at once.
class BACKRELIEF_API Recommender {
public:
  /// Reads, checks and compiles the rules `options` name. Throws Error carrying every problem of
  /// every file with its place: invalid_rules for what a file says, io for a file that cannot be
  /// read, invalid_config for a WordNet that cannot be read when a rule names a sense.
  [[nodiscard]] static Recommender load(const LoadOptions& options = {});

  /// What the rules read in a description; `year` dates "in 2019" (0 leaves such dates unread).
  [[nodiscard]] Analysis analyze(std::string description, int year = 0) const;

  /// The rules' answer for a profile. Throws Error (invalid_input) listing every value the
  /// rules do not know, each with its field and a "did you mean" where one fits.
  [[nodiscard]] Answer recommend(const ProfileInput& profile) const;

  /// The ids of the techniques the rules define, in their order.
  [[nodiscard]] std::vector<std::string> techniques() const;

  /// The ids of the warning-sign questions the rules ask: the keys of ProfileInput::answers.
  [[nodiscard]] std::vector<std::string> questions() const;

  /// The rules as the library holds them; defined inside the library.
  struct Rules;

  /// Rules loaded by the library; programs call load().
  explicit Recommender(std::shared_ptr<const Rules> rules);

private:
  friend struct Internals; // the library's own access to its state
  std::shared_ptr<const Rules> m_rules;
};

} // namespace backrelief
