#include "core/util/edit_distance.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <numeric>
#include <vector>

namespace backrelief {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  // Optimal string alignment: Levenshtein plus swapped neighbours ("lwo" -> "low"), which
  // are the commonest typing slip. Three rows of the table are enough.
  std::vector<std::size_t> before(b.size() + 1);
  std::vector<std::size_t> previous(b.size() + 1);
  std::vector<std::size_t> current(b.size() + 1);
  std::iota(previous.begin(), previous.end(), std::size_t{0});
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        current[j] = std::min(current[j], before[j - 2] + 1);
      }
    }
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return previous[b.size()];
}

namespace {

// The searches left to this thread's SuggestionBudget; none: no budget, every search is made.
thread_local std::optional<std::size_t> t_searches_left;

} // namespace

SuggestionBudget::SuggestionBudget(std::size_t searches) : m_outer(t_searches_left) {
  t_searches_left = searches;
}

SuggestionBudget::~SuggestionBudget() {
  t_searches_left = m_outer;
}

std::optional<std::string> closest_match(std::string_view word, std::span<const std::string> candidates) {
  // Allow about one typo per three letters, so short words only match near-misses.
  const std::size_t allowed = std::max<std::size_t>(1, word.size() / 3);
  std::optional<std::string> best;
  std::size_t best_distance = allowed + 1;
  for (const std::string& candidate : candidates) {
    // The distance is at least the difference in length: most candidates need no table.
    const std::size_t longer = std::max(word.size(), candidate.size());
    if (longer - std::min(word.size(), candidate.size()) >= best_distance) {
      continue;
    }
    const std::size_t distance = edit_distance(word, candidate);
    if (distance < best_distance) {
      best_distance = distance;
      best = candidate;
    }
  }
  if (best || word.size() < 3) {
    return best;
  }
  // A cut-short word ("blood-thinners-no-deep", "pres" for "pressure") means the shortest name it begins.
  for (const std::string& candidate : candidates) {
    if (candidate.starts_with(word) && (!best || candidate.size() < best->size())) {
      best = candidate;
    }
  }
  if (best) {
    return best;
  }
  // A name with something added ("hard-ish", "swedish-massage") means the longest name it starts with.
  for (const std::string& candidate : candidates) {
    const bool extended = candidate.size() >= 3 && word.size() > candidate.size() && word.starts_with(candidate) &&
                          std::string_view("-_ .").find(word[candidate.size()]) != std::string_view::npos;
    if (extended && (!best || candidate.size() > best->size())) {
      best = candidate;
    }
  }
  return best;
}

std::string did_you_mean(std::string_view word, std::span<const std::string> candidates) {
  if (t_searches_left) {
    if (*t_searches_left == 0) {
      return {};
    }
    --*t_searches_left;
  }
  if (auto match = closest_match(word, candidates)) {
    return fmt::format(" (did you mean '{}'?)", *match);
  }
  return {};
}

} // namespace backrelief
