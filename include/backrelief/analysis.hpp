#pragma once

/// @file
/// What the rules read in a description, as data and as the JSON of `backrelief analyze`.

#include <backrelief/export.hpp>
#include <backrelief/json_layout.hpp>

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace backrelief {

/// One thing the rules recognised in a description.
struct Finding {
  std::string concept_id; ///< The concept's id ("saddle-numbness", "lower-back"...).
  std::string kind;       ///< What kind of concept it is ("red-flag", "area", "condition"...).
  /// How it was meant: "reported", or set aside as "negated", "resolved", "family" (someone
  /// else's), "question" (asked or imagined: `hypothetical` in the JSON) or "past" (too long ago
  /// to count).
  std::string status;
  std::string words;       ///< The words that said it, as written.
  std::size_t start = 0;   ///< Where those words start in the description, in bytes.
  std::size_t end = 0;     ///< Where they end, in bytes.
  bool misspelled = false; ///< Whether a word was read as a misspelling of a known one.
};

/// A number read from a description: an age, a duration or a pain intensity.
struct NumberFound {
  double value = 0;  ///< In years, weeks or points out of 10.
  std::string words; ///< The words that said it, as written.
};

/// What the rules read in one description.
class BACKRELIEF_API Analysis {
public:
  /// Everything recognised, in the order written.
  [[nodiscard]] const std::vector<Finding>& findings() const;
  /// The person's age in years, when the description says it.
  [[nodiscard]] const std::optional<NumberFound>& age() const;
  /// How long the pain has lasted, in weeks, when the description says it.
  [[nodiscard]] const std::optional<NumberFound>& duration_weeks() const;
  /// The pain on a 0-10 scale, when the description says it.
  [[nodiscard]] const std::optional<NumberFound>& intensity() const;
  /// The document `backrelief analyze --format json` prints for the same description and
  /// rules, with its `schema` member; no newline at the end.
  [[nodiscard]] std::string to_json(JsonLayout layout = JsonLayout::indented) const;

  /// The state an Analysis shares between its copies; defined inside the library.
  struct State;

  /// An analysis made by the library; programs receive them from Recommender::analyze().
  explicit Analysis(std::shared_ptr<const State> state);

private:
  friend struct Internals; // the library's own access to its state
  std::shared_ptr<const State> m_state;
};

} // namespace backrelief
