// How long loading the shipped rules (from YAML and from the cache) and ranking one profile take.
#include "bench_support.hpp"
#include "core/engine/profile.hpp"
#include "core/engine/recommendation.hpp"
#include "core/rules/rule_cache.hpp"

#include <benchmark/benchmark.h>

namespace backrelief::bench {
namespace {

void BM_LoadShippedRules(benchmark::State& state) {
  const auto sources = read_rule_sources(BACKRELIEF_BENCH_RULES_DIR);
  for (auto _ : state) {
    RuleSet rules = load_rules(sources);
    benchmark::DoNotOptimize(rules);
  }
}

void BM_ReadShippedRulesFromCache(benchmark::State& state) {
  const std::string cache = serialize_rule_set(load_rules(read_rule_sources(BACKRELIEF_BENCH_RULES_DIR)), "bench");
  for (auto _ : state) {
    std::optional<RuleSet> rules = deserialize_rule_set(cache, "bench");
    benchmark::DoNotOptimize(rules);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(cache.size()));
}

void BM_RecommendStructuredProfile(benchmark::State& state) {
  const RuleSet& rules = shipped_rules();
  ProfileInput input;
  input.pressure = "firm";
  input.conditions = {"blood-thinners"};
  input.goals = {"relief"};
  input.areas = {"lower-back"};
  const Profile profile = make_profile(input, rules);
  for (auto _ : state) {
    Recommendation result = recommend(rules, profile);
    benchmark::DoNotOptimize(result);
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_ProfileAndRecommendWithDescription(benchmark::State& state) {
  const RuleSet& rules = shipped_rules();
  ProfileInput input;
  input.pressure = "medium";
  input.description = "knots under my right shoulder blade, no numbness, tight after sitting all day";
  for (auto _ : state) {
    const Profile profile = make_profile(input, rules);
    Recommendation result = recommend(rules, profile);
    benchmark::DoNotOptimize(result);
  }
  state.SetItemsProcessed(state.iterations());
}

BENCHMARK(BM_LoadShippedRules)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ReadShippedRulesFromCache)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_RecommendStructuredProfile);
BENCHMARK(BM_ProfileAndRecommendWithDescription);

} // namespace
} // namespace backrelief::bench
