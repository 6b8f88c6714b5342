#pragma once

#include "cli/output/palette.hpp"
#include "core/engine/recommendation.hpp"
#include "core/engine/why_not.hpp"
#include "core/rules/rule_set.hpp"
#include "report/answer_json.hpp"
#include "report/json_writer.hpp"

#include <cstdio>
#include <optional>
#include <string>

namespace backrelief::cli {

/// How much of a recommendation to print, whatever the format.
struct OutputOptions {
  bool explain = false;            ///< every rule behind every score, with weights and ids
  bool trace = false;              ///< every rule, fired or not
  std::optional<std::size_t> top;  ///< at most this many suggestions
  Palette palette;                 ///< text format only
  bool compact_json = false;       ///< JSON on one line
  std::optional<std::size_t> line; ///< the input line number, in --batch
  std::optional<std::string> id;   ///< the batch line's `id`, as JSON text, echoed after `line`
  std::optional<std::string> meta; ///< the batch line's `meta`, as JSON text, echoed after `id`
  bool tsv_header = true;          ///< the TSV header line (--no-header leaves it out)
};

/// Everything a formatter needs to describe one answer.
struct AnswerView {
  const RuleSet& rules;
  const Profile& profile;
  const Recommendation& recommendation;
  const WhyNot* why_not = nullptr;           ///< a technique's place explained (--why-not), worked out by the command
  const std::vector<WhyNot>* ties = nullptr; ///< what tells apart the techniques tied first (text only)
};

/// Human-readable text: referral first, ranked list with score bars, aftercare, disclaimer.
std::string format_text(const AnswerView& answer, const OutputOptions& options);

/// The JSON document of backrelief(1), OUTPUT: indented, or on one line with compact_json.
std::string format_json(const AnswerView& answer, const OutputOptions& options);

/// The same JSON document and its newline, written by `json` (a batch writes many with one).
void write_json(JsonWriter& json, const AnswerView& answer, const OutputOptions& options);

/// The record of a batch line that could not be used, and its newline: its number, the sender's
/// id and meta from `options`, the schema version and the message.
void write_error_record(JsonWriter& json, const OutputOptions& options, std::string_view message);

/// A header line, then one tab-separated line per suggestion: rank, technique, score, reasons.
std::string format_tsv(const AnswerView& answer, const OutputOptions& options);

/// The answer as `format` ("text", "json" or "tsv") says, for standard output: text is coloured
/// as `color` ("auto", "always", "never") and the terminal allow, and wrapped to its width.
std::string format_for_stdout(const AnswerView& answer, OutputOptions& options, std::string_view format,
                              std::string_view color);

/// The suggestions to print, honouring --top.
inline std::size_t shown_count(const Recommendation& recommendation, const OutputOptions& options) {
  return backrelief::shown_count(recommendation, options.top);
}

} // namespace backrelief::cli
