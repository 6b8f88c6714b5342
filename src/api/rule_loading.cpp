#include "api/rule_loading.hpp"

#include "core/rules/rule_cache_store.hpp"
#include "core/text/known_words.hpp"

#include <dlfcn.h>
#include <fmt/format.h>
#include <iterator>
#include <sys/stat.h>

namespace backrelief {

namespace {

// The file that holds this very function: the shared library, or the program it is linked into.
std::filesystem::path file_of_library_code() {
  Dl_info info{};
  if (dladdr(reinterpret_cast<const void*>(&file_of_library_code), &info) != 0 && info.dli_fname != nullptr &&
      info.dli_fname[0] == '/') {
    return info.dli_fname;
  }
  std::error_code error;
  auto program = std::filesystem::read_symlink("/proc/self/exe", error);
  return error ? std::filesystem::path{} : program;
}

} // namespace

std::filesystem::path shipped_rules_directory() {
  // Beside the code first, so that an installed tree can move: PREFIX/lib/libbackrelief.so or
  // PREFIX/bin/program finds PREFIX/share/backrelief/rules.
  const std::filesystem::path code = file_of_library_code();
  if (!code.empty()) {
    for (const char* relative : {BACKRELIEF_LIBDIR_TO_RULES, "../share/backrelief/rules"}) {
      std::error_code error;
      auto candidate = (code.parent_path() / relative).lexically_normal();
      if (std::filesystem::is_directory(candidate, error)) {
        return candidate;
      }
    }
  }
  return BACKRELIEF_INSTALLED_RULES_DIR;
}

std::string library_identity() {
  std::string identity = fmt::format("backrelief {}", BACKRELIEF_VERSION);
  struct stat status {};
  const std::filesystem::path code = file_of_library_code();
  if (!code.empty() && stat(code.c_str(), &status) == 0) {
    identity += fmt::format(" {} {}.{}", status.st_size, status.st_mtim.tv_sec, status.st_mtim.tv_nsec);
  }
  return identity;
}

RuleLimits limits_of(const LoadOptions& options) {
  RuleLimits limits;
  if (options.max_rule_bytes != 0) {
    limits.max_file_bytes = options.max_rule_bytes;
    limits.max_total_bytes = options.max_rule_bytes;
  }
  if (!options.wordnet_directory.empty()) {
    limits.wordnet_directory = options.wordnet_directory;
  }
  return limits;
}

std::vector<RuleSource> read_sources(const LoadOptions& options, const RuleLimits& limits) {
  std::vector<RuleSource> sources;
  const auto add = [&](const std::filesystem::path& path) {
    auto found = read_rule_sources(path, limits);
    sources.insert(sources.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
  };
  if (options.shipped_rules && !options.shipped_rules_directory.empty()) {
    add(options.shipped_rules_directory);
  } else if (options.shipped_rules) {
    const std::filesystem::path shipped = shipped_rules_directory();
    std::error_code error;
    if (!std::filesystem::is_directory(shipped, error)) {
      throw Error(ErrorKind::io,
                  fmt::format("{}: the shipped rules are not there (the library looked beside itself, then where it "
                              "was to be installed): name their directory in LoadOptions::shipped_rules_directory, "
                              "e.g. from `pkg-config --variable=rulesdir backrelief`",
                              shipped.string()));
    }
    add(shipped);
  }
  for (const std::filesystem::path& path : options.rule_paths) {
    add(path);
  }
  for (const RuleText& text : options.rule_texts) {
    if (text.text.size() > limits.max_file_bytes) {
      Diagnostic too_large;
      too_large.where.file = text.name;
      too_large.message = fmt::format("larger than {} bytes", limits.max_file_bytes);
      throw Error(ErrorKind::io, std::vector<Diagnostic>{std::move(too_large)});
    }
    sources.push_back({text.name, text.text});
  }
  return sources;
}

RuleSet load_rule_set(const std::vector<RuleSource>& sources, const RuleLimits& limits,
                      const std::filesystem::path& cache_directory) {
  RuleSet rules = cache_directory.empty() ? load_rules(sources, limits)
                                          : RuleCacheStore(cache_directory, library_identity()).load(sources, limits);
  rules.use_known_words(std::make_shared<KnownWords>(system_word_lists()));
  return rules;
}

std::shared_ptr<const RuleSet> prepare_rules(const std::vector<RuleSource>& sources, const RuleLimits& limits,
                                             const std::filesystem::path& cache_directory) {
  auto rules = std::make_shared<const RuleSet>(load_rule_set(sources, limits, cache_directory));
  // A cached rule set compiles its vocabulary on first use; first use must not be on two threads.
  static_cast<void>(rules->vocabulary());
  return rules;
}

} // namespace backrelief
