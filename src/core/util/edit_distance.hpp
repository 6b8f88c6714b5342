#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace backrelief {

/// Edit distance between two strings in bytes, counting a swap of neighbours as one edit.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate closest to `word` when it is close enough to be a likely typo.
std::optional<std::string> closest_match(std::string_view word, std::span<const std::string> candidates);

/// " (did you mean 'x'?)" when a close candidate exists, otherwise an empty string; also empty
/// once the thread's SuggestionBudget is spent.
std::string did_you_mean(std::string_view word, std::span<const std::string> candidates);

/// How many did-you-mean searches one load of rule or scenario files makes.
inline constexpr std::size_t k_did_you_mean_searches = 200;

/// While one is alive on this thread, at most `searches` did-you-mean searches are made; later
/// messages go without one. A rule file with thousands of mistyped names is then checked in time
/// proportional to its size, not to the square of its names.
class SuggestionBudget {
public:
  explicit SuggestionBudget(std::size_t searches);
  ~SuggestionBudget();
  SuggestionBudget(const SuggestionBudget&) = delete;
  SuggestionBudget& operator=(const SuggestionBudget&) = delete;
  SuggestionBudget(SuggestionBudget&&) = delete;
  SuggestionBudget& operator=(SuggestionBudget&&) = delete;

private:
  std::optional<std::size_t> m_outer; ///< the budget this one stands in for, restored at its end
};

} // namespace backrelief
