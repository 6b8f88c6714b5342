#pragma once

#include "core/model/concept.hpp"
#include "core/util/diagnostic.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace backrelief {

/// Index of a distinct (stemmed) word of a vocabulary.
using WordId = std::uint32_t;

/// The patterns of every concept with their word sets resolved to word ids: plain data, stored in
/// the rule cache beside the phrase trie.
struct CompiledPatterns {
  /// One step of a compiled pattern: a set of word sequences, or a gap.
  struct Step {
    bool gap = false;
    bool optional = false;
    std::uint8_t max_gap = 0;
    std::uint32_t set = 0; ///< index into `sets`, when not a gap
  };
  struct Rule {
    ConceptId concept_id = 0;
    bool near = false;
    std::uint8_t within = 0;
    std::uint8_t reach = 0;
    bool absorbs = false; ///< a report-only concept's: the phrases among its words mean nothing more
    bool hint = false;    ///< a hint concept's: shares every word, takes none
    std::vector<Step> steps;
    std::vector<std::uint32_t> only_near; ///< sets
    std::vector<std::uint32_t> not_near;  ///< sets
    std::string text;                     ///< as written, for explanations
    SourceLocation where;
  };
  /// Each set's members as word sequences; named sets first, then one per literal element.
  std::vector<std::vector<std::vector<WordId>>> sets;
  std::vector<std::string> set_names; ///< the id of each named set; empty for literal words
  std::vector<Rule> patterns;
  std::optional<std::uint32_t> clause_breaks; ///< the set named "clause-breaks", if any
  /// Words that also have exact forms ("=legs", which "leg" does not match), sorted; a text's word
  /// is looked up as written only when its id is here.
  std::vector<WordId> with_exact_forms;
  /// The id a number in the text stands for, when a set has the member "#" (any number).
  std::optional<WordId> any_number;
};

} // namespace backrelief
