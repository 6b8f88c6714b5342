// Fuzzes the pattern matcher (issue 29). The input is a rule file's word sets and patterns, a
// line "%%", then a description: the patterns are loaded alone and the description analysed with
// them, so the matcher meets patterns nobody would write (eight elements whose sets share words,
// gaps and optional elements everywhere, constraints over a whole clause) over texts built to
// nearly match them. Besides crashes and sanitizer reports, a hang (libFuzzer's -timeout) is a
// finding: the matcher promises time proportional to the text. Facts must point into the text.

#include "fuzz_support.hpp"

#include "core/text/text_analysis.hpp"

#include <string>

namespace {

using namespace backrelief;

constexpr std::string_view k_header = "version: 1\n"
                                      "techniques:\n"
                                      "  - {id: gentle, name: Gentle, pressure: [low], summary: Light.}\n";

void check(const TextAnalysis& analysis, std::string_view text, const RuleSet& rules) {
  for (const TextFact& fact : analysis.facts) {
    fuzz::expect(fact.concept_id < rules.concepts().size(), "a fact's concept id is in range");
    fuzz::expect(fact.begin <= fact.end && fact.end <= text.size(), "a fact's offsets lie within the text");
    fuzz::expect(text.substr(fact.begin, fact.end - fact.begin) == fact.from,
                 "a fact's words are the text at its offsets");
    if (fact.by_pattern) {
      fuzz::expect(fact.source < rules.vocabulary().patterns().patterns.size(), "a hit names a pattern");
    }
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input = fuzz::as_text(data, size);
  const std::size_t split = input.find("\n%%\n");
  const std::string_view patterns = input.substr(0, split);
  const std::string_view text = split == std::string_view::npos ? std::string_view{} : input.substr(split + 4);
  std::string file(k_header);
  file += patterns;
  try {
    // The shipped context file, so phrases may be negated and denied as usual.
    static const RuleSource context = [] {
      for (const RuleSource& source : fuzz::shipped_sources()) {
        if (source.name.ends_with("05-context.yaml")) {
          return source;
        }
      }
      return RuleSource{};
    }();
    const RuleSet rules = load_rules({context, RuleSource{"patterns.yaml", file}});
    check(analyze_text(text, rules.vocabulary()), text, rules);
  } catch (const Error&) {
    // Rejected with diagnostics: most mutations of a rule file are.
  }
  return 0;
}
