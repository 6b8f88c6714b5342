#include "cli/input/rule_options.hpp"

#include "api/rule_loading.hpp"
#include "cli/io/environment.hpp"
#include "cli/io/standard_input.hpp"
#include "cli/io/user_path.hpp"
#include "core/rules/rule_loader.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <fmt/format.h>
#include <iterator>
#include <memory>
#include <sstream>
#include <sys/stat.h>

namespace backrelief::cli {

namespace {

std::string read_stdin(std::size_t limit) {
  auto text = read_stdin_up_to(limit);
  if (!text) {
    throw Error(ErrorKind::io, "<stdin>: cannot read rules from standard input");
  }
  if (text->size() > limit) {
    throw Error(ErrorKind::io, fmt::format("<stdin>: larger than {} bytes; split the rules into smaller files", limit));
  }
  return std::move(*text);
}

// An empty rules.d, or one holding only other files, is no error: it was not asked for by name.
// One that cannot be listed is: the person's own rules would be skipped in silence.
bool has_rule_files(const std::filesystem::path& directory) {
  std::error_code error;
  std::filesystem::directory_iterator entries(directory, error);
  if (error) {
    throw Error(ErrorKind::io, fmt::format("{}: cannot read the user rules directory: {}; fix its permissions, or "
                                           "move it aside",
                                           directory.string(), error.message()));
  }
  for (const auto& entry : entries) {
    std::error_code kind_error;
    if (is_rule_file_name(entry.path()) && !entry.is_directory(kind_error)) {
      return true; // a directory named "old.yaml" is no rule file
    }
  }
  return false;
}

// $BACKRELIEF_MAX_RULE_FILE_SIZE: bytes, or a number with K, M or G (powers of 1024).
std::size_t max_rule_file_bytes() {
  const std::string text = environment_variable("BACKRELIEF_MAX_RULE_FILE_SIZE");
  const std::size_t fallback = RuleLimits{}.max_file_bytes;
  if (text.empty()) {
    return fallback;
  }
  std::size_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  const std::string_view unit(end, static_cast<std::size_t>(text.data() + text.size() - end));
  const std::size_t scale = unit.empty()  ? 1
                            : unit == "K" ? 1024
                            : unit == "M" ? 1024 * 1024
                            : unit == "G" ? 1024 * 1024 * 1024
                                          : 0;
  if (error != std::errc{} || scale == 0 || value == 0 || value > SIZE_MAX / scale) {
    throw Error(ErrorKind::invalid_input,
                fmt::format("BACKRELIEF_MAX_RULE_FILE_SIZE: cannot read '{}': expected a size such as 8M, 512K or "
                            "1048576",
                            text));
  }
  return value * scale;
}

} // namespace

void add_rule_options(CLI::App& command, RuleOptions& options) {
  command.add_option("-r,--rules", options.paths, "Load this rule file or directory after the others (repeatable)")
      ->type_name("PATH")
      ->allow_extra_args(false);
  command.add_flag("--no-default-rules", options.no_defaults, "Leave out the rules that ship with backrelief");
  command.add_flag("--no-user-rules", options.no_user,
                   "Leave out your own rules (rules.d in the config directory), as when one is broken");
  command.add_flag("--no-cache", options.no_cache, "Parse the rule files even when a cached copy is fresh");
}

namespace {

// An installed binary finds its data relative to itself, so the install prefix can move; one in
// the build tree reads the source tree's.
std::filesystem::path installed_or_source(const char* installed_relative, const char* source) {
  std::error_code error;
  const auto executable = std::filesystem::read_symlink("/proc/self/exe", error);
  if (!error) {
    auto installed = executable.parent_path().parent_path() / installed_relative;
    if (std::filesystem::is_directory(installed, error)) {
      return installed;
    }
  }
  return source;
}

} // namespace

std::filesystem::path default_rules_directory() {
  return installed_or_source(BACKRELIEF_INSTALL_RULES_DIR, BACKRELIEF_SOURCE_RULES_DIR);
}

std::filesystem::path default_scenarios_directory() {
  return installed_or_source(BACKRELIEF_INSTALL_SCENARIOS_DIR, BACKRELIEF_SOURCE_SCENARIOS_DIR);
}

std::vector<RulePath> rule_paths_with_origins(const RuleOptions& options) {
  std::vector<RulePath> paths;
  if (!options.no_defaults) {
    paths.push_back({default_rules_directory().string(), "default"});
  }
  const auto config = user_config_directory();
  const auto user = config.empty() || options.no_user ? std::filesystem::path{} : config / "rules.d";
  if (!user.empty()) {
    const UserPath seen = look_at(user);
    if (!seen.problem.empty()) {
      throw Error(ErrorKind::io, fmt::format("{}: cannot read the user rules directory: {}; fix it, or move it "
                                             "aside",
                                             user.string(), seen.problem));
    }
    if (std::filesystem::is_directory(seen.status) && has_rule_files(user)) {
      paths.push_back({user.string(), "user rules directory"});
    }
  }
  std::istringstream environment_paths(environment_variable("BACKRELIEF_RULES"));
  for (std::string path; std::getline(environment_paths, path, ':');) {
    if (!path.empty()) {
      paths.push_back({path, "environment BACKRELIEF_RULES"});
    }
  }
  for (const std::string& path : options.paths) {
    paths.push_back({path, "flag --rules"});
  }
  return paths;
}

std::vector<std::string> rule_paths(const RuleOptions& options) {
  std::vector<std::string> paths;
  for (RulePath& path : rule_paths_with_origins(options)) {
    paths.push_back(std::move(path.path));
  }
  return paths;
}

std::filesystem::path wordnet_directory() {
  // WordNet's own tools read their database from WNSEARCHDIR when it is set; so do we.
  const std::string chosen = environment_variable("WNSEARCHDIR");
  return chosen.empty() ? RuleLimits{}.wordnet_directory : std::filesystem::path(chosen);
}

namespace {

RuleSet load_paths(const std::vector<std::string>& paths, bool use_cache) {
  if (std::count(paths.begin(), paths.end(), "-") > 1) {
    throw Error(ErrorKind::invalid_input, "standard input can feed only one rule file: '-' is given more than "
                                          "once among --rules and BACKRELIEF_RULES");
  }
  RuleLimits limits;
  limits.max_file_bytes = max_rule_file_bytes();
  limits.max_total_bytes = limits.max_file_bytes;
  limits.wordnet_directory = wordnet_directory();
  std::vector<RuleSource> sources;
  for (const std::string& path : paths) {
    if (path == "-") {
      sources.push_back({"<stdin>", read_stdin(limits.max_file_bytes)});
      continue;
    }
    auto found = read_rule_sources(path, limits);
    sources.insert(sources.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
  }
  return load_rule_set(sources, limits, use_cache ? user_cache_directory() : std::filesystem::path{});
}

} // namespace

Recommender load_chosen_recommender(const RuleOptions& options) {
  return recommender_over(std::make_shared<const RuleSet>(load_chosen_rules(options)));
}

bool rules_from_stdin(const RuleOptions& options) {
  const std::vector<std::string> paths = rule_paths(options);
  return std::find(paths.begin(), paths.end(), "-") != paths.end();
}

RuleSet load_chosen_rules(const RuleOptions& options, const std::vector<std::string>& extra_paths) {
  const std::vector<RulePath> chosen = rule_paths_with_origins(options);
  std::vector<std::string> paths;
  for (const RulePath& path : chosen) {
    paths.push_back(path.path);
  }
  paths.insert(paths.end(), extra_paths.begin(), extra_paths.end());
  try {
    return load_paths(paths, !options.no_cache);
  } catch (const Error& error) {
    // The person may not know that a file they once put in rules.d is read by every command.
    const auto user = std::find_if(chosen.begin(), chosen.end(),
                                   [](const RulePath& path) { return path.origin == "user rules directory"; });
    if (user == chosen.end()) {
      throw;
    }
    const std::string directory = user->path + "/";
    const bool about_user_file =
        std::any_of(error.diagnostics().begin(), error.diagnostics().end(),
                    [&](const Diagnostic& diagnostic) { return diagnostic.where.file.starts_with(directory); });
    if (!about_user_file) {
      throw;
    }
    std::vector<Diagnostic> diagnostics = error.diagnostics();
    diagnostics.push_back({{},
                           fmt::format("{} holds your own rules, read by every command: fix the file, or run "
                                       "without them with --no-user-rules",
                                       user->path)});
    throw Error(error.kind(), std::move(diagnostics));
  }
}

std::vector<RuleSource> read_scenario_files(const std::vector<std::string>& paths) {
  std::vector<RuleSource> files;
  for (const std::string& path : paths) {
    if (path == "-") {
      files.push_back({"<stdin>", read_stdin(RuleLimits{}.max_file_bytes)});
      continue;
    }
    std::error_code missing;
    const auto status = std::filesystem::symlink_status(path, missing);
    if (!std::filesystem::exists(status) && (!missing || missing == std::errc::no_such_file_or_directory)) {
      throw Error(ErrorKind::io, fmt::format("{}: no such scenario file or directory", path));
    }
    auto found = read_rule_sources(path);
    files.insert(files.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
  }
  return files;
}

std::vector<Scenario> load_dated_scenarios(const std::vector<std::string>& paths, const RuleSet& rules) {
  std::vector<Scenario> scenarios = load_scenarios(read_scenario_files(paths), rules);
  const int year = this_year();
  for (Scenario& scenario : scenarios) {
    if (scenario.input.year == 0) {
      scenario.input.year = year;
    }
  }
  return scenarios;
}

RuleSet load_shipped_rules(bool no_cache) {
  return load_paths({default_rules_directory().string()}, !no_cache);
}

} // namespace backrelief::cli
