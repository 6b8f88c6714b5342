// Fuzzes the description analyser. The input is a description, as given on the command line or
// in a batch line's "description", analysed with the shipped rules and the system word lists
// (when installed). It is then resolved into a profile and ranked, as `recommend` would.
// Besides crashes and sanitizer reports, the facts found must point into the text they came from.

#include "fuzz_support.hpp"

#include "core/text/text_analysis.hpp"

namespace {

using namespace backrelief;

void check(const TextAnalysis& analysis, std::string_view text, const RuleSet& rules) {
  std::size_t previous_begin = 0;
  for (const TextFact& fact : analysis.facts) {
    fuzz::expect(fact.concept_id < rules.concepts().size(), "a fact's concept id is in range");
    fuzz::expect(fact.begin <= fact.end && fact.end <= text.size(), "a fact's offsets lie within the text");
    fuzz::expect(text.substr(fact.begin, fact.end - fact.begin) == fact.from,
                 "a fact's words are the text at its offsets");
    fuzz::expect(fact.begin >= previous_begin, "facts come in the order they appear");
    previous_begin = fact.begin;
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const RuleSet& rules = fuzz::shipped_rules();
  const std::string_view text = fuzz::as_text(data, size);
  check(analyze_text(text, rules.vocabulary()), text, rules);

  ProfileInput input;
  input.description = std::string(text);
  try {
    const Profile profile = make_profile(input, rules);
    fuzz::recommend_and_check(rules, profile);
  } catch (const Error&) {
    // A description alone is not expected to be rejected, but Error is the documented way to say so.
  }
  return 0;
}
