// How long understanding one description takes, for short and long descriptions.
#include "bench_support.hpp"
#include "core/text/text_analysis.hpp"

#include <benchmark/benchmark.h>
#include <string>

namespace backrelief::bench {
namespace {

// Ten words, the length of a typical one-line description.
const std::string k_ten_words = "dull ache low in my back after sitting, no numbness";

// About a hundred words: several sentences with negations, a misspelling, numbers and a contrast.
const std::string k_hundred_words =
    "I have had a dull ache in my lower back for about 6 months, mostly after sitting at my desk all day. "
    "There are knots under my right shoulder blade and pressing one sends pain up into my neck. "
    "No numbness or tingling in my legs, no fever, and my bladder is fine. "
    "It is not sharp, more of a stiff, tight feeling, and I can't bend over in the morning without it catching. "
    "My dad had cancer but I have never had it myself. I'm 52, pain is about 6/10 on a bad day, "
    "and the stifness gets better once I start walking around.";

void analyze_description(benchmark::State& state, const std::string& text) {
  const RuleSet& rules = shipped_rules();
  for (auto _ : state) {
    TextAnalysis analysis = analyze_text(text, rules.vocabulary());
    benchmark::DoNotOptimize(analysis);
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(text.size()));
}

void BM_AnalyzeTenWords(benchmark::State& state) {
  analyze_description(state, k_ten_words);
}
void BM_AnalyzeHundredWords(benchmark::State& state) {
  analyze_description(state, k_hundred_words);
}

// A long text of words the vocabulary does not know, each a candidate misspelling.
void BM_AnalyzeUnknownWords(benchmark::State& state) {
  std::string text;
  for (int i = 0; i < 100; ++i) {
    text += "wobblyness ";
  }
  analyze_description(state, text);
}

BENCHMARK(BM_AnalyzeTenWords);
BENCHMARK(BM_AnalyzeHundredWords);
BENCHMARK(BM_AnalyzeUnknownWords);

} // namespace
} // namespace backrelief::bench
