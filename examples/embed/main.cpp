// Loads backrelief's rules once, answers three people at once in three threads, and prints each
// answer as the JSON `backrelief recommend --format json` prints, one line each, in order.
// Usage: recommend_three [RULES_DIRECTORY]   (the shipped rules are found without it)
#include <backrelief/backrelief.hpp>

#include <cstdio>
#include <string>
#include <thread>
#include <vector>

int main(int argc, char** argv) {
  try {
    backrelief::LoadOptions options;
    if (argc > 1) {
      options.shipped_rules_directory = argv[1];
    }
    const backrelief::Recommender recommender = backrelief::Recommender::load(options);

    std::vector<backrelief::ProfileInput> people(3);
    people[0].description = "dull ache low in my back after sitting, knots under my shoulder blade";
    people[0].pressure = "firm";
    people[1].description = "stiff upper back, I take warfarin";
    people[1].goals = {"relaxation"};
    people[2].description = "back pain and I can't feel the saddle area";

    std::vector<std::string> answers(people.size());
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < people.size(); ++i) {
      threads.emplace_back(
          [&, i] { answers[i] = recommender.recommend(people[i]).to_json(backrelief::JsonLayout::one_line); });
    }
    for (std::thread& thread : threads) {
      thread.join();
    }
    for (const std::string& answer : answers) {
      std::printf("%s\n", answer.c_str());
    }
    std::fprintf(stderr, "backrelief %s, JSON schema %d\n", backrelief::library_version().data(),
                 backrelief::json_schema_version());
  } catch (const backrelief::Error& error) {
    for (const backrelief::Diagnostic& problem : error.diagnostics()) {
      std::fprintf(stderr, "recommend_three: %s\n", backrelief::to_string(problem).c_str());
    }
    return 1;
  }
  return 0;
}
