#pragma once

#include "core/util/diagnostic.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace backrelief {

/// A named set of words and short phrases that mean the same thing in a pattern, such as the
/// places of saddle numbness ("bottom", "groin", "inner thighs"), as written in a rule file.
struct WordSet {
  std::string id;
  std::vector<std::string> members; ///< words or phrases, stemmed when compiled
  std::vector<SourceLocation> member_where;
  /// Per member, where it came from when not written out: "WordNet buttocks.n.01"; empty when
  /// the rule file lists it.
  std::vector<std::string> member_source;
  SourceLocation origin;
};

/// One step of a pattern: a word set, literal words, or a bounded gap of any words.
struct PatternElement {
  enum class Kind : std::uint8_t { set, words, gap };
  Kind kind = Kind::set;
  std::string text;      ///< the set's id, or the literal words; empty for a gap
  bool optional = false; ///< "(<both>)", "(my)": may be left out
  int max_gap = 0;       ///< for a gap: up to this many words
  SourceLocation where;
};

/// Words that mean a concept even when they are not one fixed phrase: a sequence of elements in
/// order, with optional ones and bounded gaps, or elements near one another in any order; both
/// within one clause, and optionally only where some other words are (or are not) near.
struct Pattern {
  enum class Kind : std::uint8_t { sequence, near };
  Kind kind = Kind::sequence;
  std::vector<PatternElement> elements;
  int within = 0;                        ///< near: at most this many other words among the elements
  std::vector<PatternElement> only_near; ///< matches only with one of these close by
  std::vector<PatternElement> not_near;  ///< matches only with none of these close by
  int reach = 0;                         ///< how close "close by" is, in words; 0: the same clause
  std::string text;                      ///< the pattern as written, for explanations
  SourceLocation where;
};

} // namespace backrelief
