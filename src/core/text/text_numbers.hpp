#pragma once

#include "core/text/text_analysis.hpp"
#include "core/text/tokenizer.hpp"

#include <span>
#include <string_view>

namespace backrelief {

class ContextCues;

/// Reads age ("I'm 72", "aged 45", "72 years old"), duration ("for 6 months", "a year") and
/// intensity ("pain 7/10", "8 out of 10") from the tokens of a description into `analysis`.
/// A number in a sentence about someone else (a cue of `cues` says whose) is not the person's.
void read_numbers(std::string_view text, std::span<const Token> tokens, const ContextCues& cues,
                  TextAnalysis& analysis);

} // namespace backrelief
