#pragma once

#include "core/text/text_analysis.hpp"
#include "core/text/tokenizer.hpp"

#include <cstddef>
#include <span>
#include <string_view>
#include <vector>

namespace backrelief {

class ContextCues;

/// Reads age ("I'm 72", "aged 45", "72 years old"), duration ("for 6 months", "a year") and
/// intensity ("pain 7/10", "8 out of 10") from the tokens of a description into `analysis`.
/// A number in a sentence about someone else (a cue of `cues` says whose) is not the person's.
void read_numbers(std::string_view text, std::span<const Token> tokens, const ContextCues& cues,
                  TextAnalysis& analysis);

/// When something happened, as the words say, over tokens [first, last].
struct EventTime {
  double weeks_ago = 0;
  std::size_t first = 0;
  std::size_t last = 0;
};

/// Reads the times of events: "3 weeks ago", "in 2019" (with `year`, this year;
/// 0 when unknown, and then a year alone says nothing), "last winter", "yesterday".
std::vector<EventTime> read_event_times(std::span<const Token> tokens, const ContextCues& cues, int year);

} // namespace backrelief
