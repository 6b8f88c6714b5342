#pragma once

#include "core/model/modifier.hpp"
#include "core/text/text_match.hpp"
#include "core/text/tokenizer.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace backrelief {

class Vocabulary;

/// What the modifiers around one match say about it.
struct ContextMark {
  std::uint8_t categories = 0; ///< one bit per ModifierCategory that applies to it
  std::uint8_t kept = 0;       ///< categories that qualified a red flag without clearing it
  std::optional<TextSpan> qualifier;
  std::optional<std::uint32_t> modifier; ///< the modifier whose cue is `qualifier`, if one (a question has none)

  [[nodiscard]] bool has(ModifierCategory category) const { return (categories & bit(category)) != 0; }
  static constexpr std::uint8_t bit(ModifierCategory category) {
    return static_cast<std::uint8_t>(1U << static_cast<unsigned>(category));
  }
};

/// Reads the grammar around the matches of a description with the vocabulary's modifiers
/// (ConText, Harkema et al. 2009): a cue opens a scope forward or backward over a few tokens; a
/// terminator, a clause break or the person speaking again ends it. Only a negation, a resolution
/// or another person's report, within the red-flag scope its modifier allows, clears a red flag;
/// anything else only annotates it. `in_match` says which tokens a match's words hold.
std::vector<ContextMark> mark_context(std::span<const Token> tokens, std::span<const TextMatch> matches,
                                      const std::vector<bool>& in_match, const Vocabulary& vocabulary);

/// Whether a negation reaches token `word`, read as if it were a warning sign of its own and
/// from the words around it in its sentence: "it wasn't intentional" negates "intentional".
/// `matches` are the text's matches so far, in order, as mark_context takes them.
bool is_negated_word(std::span<const Token> tokens, std::span<const TextMatch> matches,
                     const std::vector<bool>& in_match, const Vocabulary& vocabulary, std::size_t word);

} // namespace backrelief
