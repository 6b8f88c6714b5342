#include "core/rules/rule_cache_store.hpp"

#include "core/rules/rule_cache.hpp"
#include "core/text/wordnet.hpp"
#include "core/util/atomic_file.hpp"
#include "core/util/untrusted_file.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <utility>

namespace backrelief {

RuleSet RuleCacheStore::load(const std::vector<RuleSource>& sources, const RuleLimits& limits) const {
  const std::filesystem::path file = file_for(sources);
  // What a WordNet member expands to depends on the database too: a cache written before the
  // package changed (or from another copy of it) is stale. Files that name no sense skip the stat.
  const bool names_wordnet = std::any_of(sources.begin(), sources.end(), [](const RuleSource& source) {
    return source.text.find("wordnet") != std::string::npos;
  });
  const std::string key = rule_cache_key(
      sources, names_wordnet ? fmt::format("{}\n{}", m_build, WordNet::identity(limits.wordnet_directory)) : m_build);
  // An entry is untrusted: a huge or endless one, a FIFO or a link is a miss, and is rewritten.
  std::size_t source_bytes = 0;
  for (const RuleSource& source : sources) {
    source_bytes += source.text.size();
  }
  if (auto data = read_untrusted_file(file, k_max_entry_bytes_per_source_byte * source_bytes + k_entry_headroom)) {
    if (auto cached = deserialize_rule_set(*data, key)) {
      return std::move(*cached);
    }
  }
  RuleSet rules = load_rules(sources, limits);
  store(file, rules, key);
  return rules;
}

// Named by a hash of the paths alone, so a changed file replaces its old entry instead of adding
// one; whether the entry is fresh is the key inside, which covers the texts too.
std::filesystem::path RuleCacheStore::file_for(const std::vector<RuleSource>& sources) const {
  std::vector<RuleSource> names;
  names.reserve(sources.size());
  for (const RuleSource& source : sources) {
    names.push_back({source.name, {}});
  }
  return m_directory / fmt::format("rules-{}.cache", rule_cache_key(names, "").substr(0, 16));
}

void RuleCacheStore::store(const std::filesystem::path& file, const RuleSet& rules, const std::string& key) const {
  std::error_code error;
  std::filesystem::create_directories(m_directory, error);
  if (error) {
    return;
  }
  AtomicFile out(file);
  if (out.write(serialize_rule_set(rules, key))) {
    out.commit();
  }
  prune(); // also after a failed write: the directory is there, and may hold stale entries
}

// Scripts that load rules from ever new temporary paths would fill the directory: only the most
// recently written few are kept.
void RuleCacheStore::prune() const {
  std::error_code error;
  std::vector<std::pair<std::filesystem::file_time_type, std::filesystem::path>> caches;
  const auto now = std::filesystem::file_time_type::clock::now();
  for (const auto& entry : std::filesystem::directory_iterator(m_directory, error)) {
    const std::string name = entry.path().filename().string();
    if (!name.starts_with("rules-")) {
      continue;
    }
    const auto written = entry.last_write_time(error);
    if (name.ends_with(".cache")) {
      caches.emplace_back(written, entry.path());
    } else if (name.find(".cache.") != std::string::npos && !error && now - written > k_stale_temporary_age) {
      // The temporary of a writer killed before its rename: no live writer takes this long.
      std::filesystem::remove(entry.path(), error);
    }
  }
  if (caches.size() <= k_kept_files) {
    return;
  }
  std::sort(caches.begin(), caches.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  for (std::size_t i = k_kept_files; i < caches.size(); ++i) {
    std::filesystem::remove(caches[i].second, error);
  }
}

} // namespace backrelief
