#include "cli/rule_paths.hpp"

#include "backrelief/known_words.hpp"
#include "backrelief/rule_loader.hpp"

#include <cstdlib>
#include <iostream>
#include <iterator>
#include <memory>
#include <sstream>

namespace backrelief::cli {

namespace {

std::string environment(const char* name) {
  const char* value = std::getenv(name);
  return value == nullptr ? std::string{} : std::string{value};
}

std::string read_stdin() {
  std::ostringstream text;
  text << std::cin.rdbuf();
  return text.str();
}

} // namespace

std::filesystem::path user_config_directory() {
  std::string config = environment("XDG_CONFIG_HOME");
  if (config.empty()) {
    const std::string home = environment("HOME");
    if (home.empty()) {
      return {};
    }
    config = home + "/.config";
  }
  return std::filesystem::path(config) / "backrelief";
}

void add_rule_options(CLI::App& command, RuleOptions& options) {
  command.add_option("-r,--rules", options.paths, "Load this rule file or directory after the others (repeatable)")
      ->type_name("PATH")
      ->allow_extra_args(false);
  command.add_flag("--no-default-rules", options.no_defaults, "Leave out the rules that ship with backrelief");
}

std::filesystem::path default_rules_directory() {
  // An installed binary finds its rules relative to itself, so the install prefix can move.
  std::error_code error;
  const auto executable = std::filesystem::read_symlink("/proc/self/exe", error);
  if (!error) {
    auto installed = executable.parent_path().parent_path() / BACKRELIEF_INSTALL_RULES_DIR;
    if (std::filesystem::is_directory(installed, error)) {
      return installed;
    }
  }
  return BACKRELIEF_SOURCE_RULES_DIR;
}

std::vector<RulePath> rule_paths_with_origins(const RuleOptions& options) {
  std::vector<RulePath> paths;
  if (!options.no_defaults) {
    paths.push_back({default_rules_directory().string(), "default"});
  }
  const auto config = user_config_directory();
  const auto user = config.empty() ? config : config / "rules.d";
  std::error_code error;
  if (!user.empty() && std::filesystem::is_directory(user, error)) {
    paths.push_back({user.string(), "user rules directory"});
  }
  std::istringstream environment_paths(environment("BACKRELIEF_RULES"));
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

RuleSet load_rule_set(const std::vector<std::string>& paths) {
  std::vector<RuleSource> sources;
  for (const std::string& path : paths) {
    if (path == "-") {
      sources.push_back({"<stdin>", read_stdin()});
      continue;
    }
    auto found = read_rule_sources(path);
    sources.insert(sources.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
  }
  RuleSet rules = load_rules(sources);
  rules.vocabulary().use_known_words(std::make_shared<KnownWords>(system_word_lists()));
  return rules;
}

} // namespace backrelief::cli
