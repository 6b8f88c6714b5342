// The public API as a program uses it: loading a Recommender, and recommending from one, two or
// more threads sharing it (items per second should grow with the threads, up to the cores).
#include <backrelief/backrelief.hpp>

#include <benchmark/benchmark.h>

namespace {

backrelief::LoadOptions shipped_from_source() {
  backrelief::LoadOptions options;
  options.shipped_rules_directory = BACKRELIEF_BENCH_RULES_DIR;
  return options;
}

const backrelief::Recommender& shared_recommender() {
  static const backrelief::Recommender recommender = backrelief::Recommender::load(shipped_from_source());
  return recommender;
}

void BM_ApiLoadShippedRules(benchmark::State& state) {
  for (auto _ : state) {
    backrelief::Recommender recommender = backrelief::Recommender::load(shipped_from_source());
    benchmark::DoNotOptimize(recommender);
  }
}

// A described profile, answered and written as JSON, as a service would.
void BM_ApiRecommendDescribedToJson(benchmark::State& state) {
  const backrelief::Recommender& recommender = shared_recommender();
  backrelief::ProfileInput person;
  person.pressure = "medium";
  person.description = "knots under my right shoulder blade, no numbness, tight after sitting all day";
  for (auto _ : state) {
    std::string json = recommender.recommend(person).to_json(backrelief::JsonLayout::one_line);
    benchmark::DoNotOptimize(json);
  }
  state.SetItemsProcessed(state.iterations());
}

BENCHMARK(BM_ApiLoadShippedRules)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ApiRecommendDescribedToJson)->Threads(1)->Threads(2)->Threads(4)->UseRealTime();

} // namespace
