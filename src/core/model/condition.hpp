#pragma once

#include "core/model/concept.hpp"
#include "core/model/pressure.hpp"
#include "core/util/diagnostic.hpp"

#include <string>
#include <vector>

namespace backrelief {

/// A number a profile may know about the person.
enum class NumericField : std::uint8_t { age, duration_weeks, intensity };

/// The rule-file key of a numeric field: "age", "duration_weeks" or "intensity".
std::string_view to_string(NumericField field);

/// How a known number is compared with a rule's threshold.
enum class Comparison : std::uint8_t { at_least, at_most, above, below, equals };

/// The rule-file spelling of a comparison, e.g. "at_least".
std::string_view to_string(Comparison comparison);

/// A node of a rule's `when` tree.
struct Condition {
  enum class Kind : std::uint8_t {
    all,      ///< every child holds (no children: always true)
    any,      ///< at least one child holds
    negation, ///< its single child does not hold
    concept_, ///< the profile affirms at least one of `concepts`
    pressure, ///< the preferred pressure is one of `pressures`
    number,   ///< a known number compares true with `threshold`
  };

  Kind kind = Kind::all;
  std::vector<Condition> children;                   ///< for all, any, negation
  std::vector<ConceptId> concepts;                   ///< for concept_
  ConceptKind concept_kind = ConceptKind::condition; ///< the key it was written with, for concept_
  bool any_kind = false;                             ///< written as `mentions:`, for concept_
  PressureSet pressures;                             ///< for pressure
  NumericField field = NumericField::age;            ///< for number
  Comparison comparison = Comparison::at_least;      ///< for number
  double threshold = 0;                              ///< for number
  SourceLocation where;                              ///< where it was written
};

/// The concepts a condition asks for, in order; those under a `not` only with `include_negated`
/// (what a rule needs absent is no evidence for it, but it still uses the concept).
std::vector<ConceptId> concepts_in(const Condition& condition, bool include_negated = false);

/// True when two conditions test the same thing: the same kind, keys, values and children, in
/// the same order, wherever each was written (`where`, the one member left out, is why this is
/// not a defaulted ==). Lint compares conditions with it, never by their described text.
bool same_test(const Condition& a, const Condition& b);

/// The key a concept condition was written with: its kind, or "mentions".
std::string_view condition_key(const Condition& condition);

} // namespace backrelief
