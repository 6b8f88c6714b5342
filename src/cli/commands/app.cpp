#include "cli/commands/app.hpp"

#include "cli/io/standard_error.hpp"

#include "cli/commands/commands.hpp"
#include "cli/commands/exit_status.hpp"
#include "cli/commands/help_formatter.hpp"
#include "cli/io/standard_output.hpp"
#include "core/util/diagnostic.hpp"
#include "core/util/edit_distance.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <regex>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace backrelief::cli {

namespace {

int exit_status_of(ErrorKind kind) {
  return kind == ErrorKind::invalid_input ? k_exit_usage : k_exit_error;
}

// CLI11 has no "did you mean" for a mistyped subcommand: look before it parses, at every level
// ("rules chek" as well as "recomend").
bool check_subcommand(const CLI::App& app, int argc, char** argv) {
  const CLI::App* parent = &app;
  std::string path;
  for (int i = 1; i < argc && argv[i][0] != '-'; ++i) {
    const auto commands = parent->get_subcommands([](const CLI::App*) { return true; });
    if (commands.empty()) {
      return true;
    }
    const std::string word = argv[i];
    std::vector<std::string> names;
    const CLI::App* match = nullptr;
    for (const CLI::App* command : commands) {
      names.push_back(command->get_name());
      if (command->get_name() == word) {
        match = command;
      }
    }
    if (match == nullptr) {
      print_error(fmt::format("unknown command '{}{}'{}", path, word, did_you_mean(word, names)));
      fmt::print(stderr, "Run 'backrelief {}--help' for the list of commands.\n", path);
      return false;
    }
    path += word + " ";
    parent = match;
  }
  return true;
}

// "--pressure= -f tsv": CLI11 would take "-f" as the pressure. An empty value after '=' is that
// option's value, empty, and so not valid.
bool check_empty_values(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view word = argv[i];
    if (word == "--") {
      return true;
    }
    if (word.size() > 3 && word.starts_with("--") && word.ends_with('=') && word.find('=') == word.size() - 1) {
      const std::string_view option = word.substr(0, word.size() - 1);
      print_error(fmt::format("{}: an empty value after '='; give one, as in {}=VALUE, or leave the option out", option,
                              option));
      fmt::print(stderr, "Run 'backrelief --help' for usage.\n");
      return false;
    }
  }
  return true;
}

const CLI::App* deepest_command(const CLI::App& app) {
  const CLI::App* command = &app;
  while (!command->get_subcommands().empty()) {
    command = command->get_subcommands().front();
  }
  return command;
}

std::string command_path(const CLI::App* command) {
  std::string path;
  for (; command != nullptr && command->get_parent() != nullptr; command = command->get_parent()) {
    path.insert(0, command->get_name() + " ");
  }
  return path;
}

// CLI11 says an unknown option was "not expected"; name the option that was probably meant.
std::string suggest_option(const CLI::App& command, int argc, char** argv) {
  std::vector<std::string> known;
  for (const CLI::Option* option : command.get_options()) {
    for (const std::string& name : option->get_lnames()) {
      known.push_back("--" + name);
    }
  }
  for (int i = 1; i < argc; ++i) {
    std::string word = argv[i];
    if (word == "--") {
      break;
    }
    if (word.rfind("--", 0) != 0) {
      continue;
    }
    word = word.substr(0, word.find('='));
    if (std::find(known.begin(), known.end(), word) == known.end()) {
      return did_you_mean(word, known);
    }
  }
  return {};
}

// What to start with, for `backrelief` alone: the three commands people begin with.
void print_short_usage() {
  fmt::print(stderr, "usage: backrelief COMMAND [OPTIONS] [DESCRIPTION]\n"
                     "Start with one of:\n"
                     "  backrelief recommend --pressure low \"dull ache low in my back after sitting\"\n"
                     "  backrelief ask         a guided interview, one question at a time\n"
                     "  backrelief analyze \"numb bum and back pain\"   what was understood from the words\n"
                     "Run 'backrelief --help' for every command; see backrelief(1).\n");
}

// A sentence of CLI11's as part of ours: "Value ..." becomes "value ...".
std::string lower_first(std::string text) {
  if (!text.empty() && text.front() >= 'A' && text.front() <= 'Z') {
    text.front() = static_cast<char>(text.front() - 'A' + 'a');
  }
  return text;
}

// "rules show", as typed after "backrelief".
std::string command_name(const CLI::App& command) {
  std::string path = command_path(&command);
  if (!path.empty()) {
    path.pop_back();
  }
  return path;
}

// CLI11's messages, said in the house voice: what was wrong and what is allowed.
std::string in_house_words(const CLI::ParseError& error, const CLI::App& command, int argc, char** argv) {
  const std::string text = error.what();
  std::smatch part;
  if (std::regex_match(text, part, std::regex(R"((\S+) excludes (\S+))"))) {
    return fmt::format("{} cannot be used with {}: choose one", part[2].str(), part[1].str());
  }
  if (std::regex_match(text, part, std::regex(R"(The following arguments? (?:was|were) not expected: (.*))"))) {
    const std::string extra = part[1].str();
    if (extra.rfind('-', 0) == 0) {
      return fmt::format("unknown option '{}'{}", extra, suggest_option(command, argc, argv));
    }
    return fmt::format("'{}' is not an argument of 'backrelief {}'", extra, command_name(command));
  }
  if (std::regex_match(text, part, std::regex(R"((\S+): \d+ required (\S+) missing)"))) {
    return fmt::format("{} needs a value ({})", part[1].str(), part[2].str());
  }
  if (std::regex_match(text, part, std::regex(R"((\S+) is required)"))) {
    const CLI::Option* option = command.get_option_no_throw(part[1].str());
    if (option == nullptr) {
      return fmt::format("missing {}", part[1].str());
    }
    return fmt::format("missing {}: {}", placeholder_of(*option), lower_first(option->get_description()));
  }
  if (std::regex_match(text, part, std::regex(R"((\S+): At Most (\d+) required but received (\d+))"))) {
    return fmt::format("{} is given {} times: give it {}", part[1].str(), part[3].str(),
                       part[2].str() == "1" ? "once" : fmt::format("at most {} times", part[2].str()));
  }
  if (std::regex_match(text, part, std::regex(R"(Could not convert: (\S+) = (.*))"))) {
    return fmt::format("{}: cannot read '{}'", part[1].str(), part[2].str());
  }
  if (text == "A subcommand is required") {
    std::vector<std::string> names;
    for (const CLI::App* sub : command.get_subcommands({})) {
      names.push_back(sub->get_name());
    }
    return fmt::format("'backrelief {}' needs a command: {}", command_name(command), fmt::join(names, ", "));
  }
  return lower_first(text);
}

// A closed pipe (| head -1) ends quietly with the answer's status: the reader had what it wanted.
// Any other write error (a full disk) is said once, with exit status 1.
int finish_output(int status) {
  if (flush_stdout()) {
    return status;
  }
  if (stdout_error() == EPIPE) {
    return status;
  }
  print_error(fmt::format("cannot write to standard output: {}", std::strerror(stdout_error())));
  return k_exit_error;
}

} // namespace

int run(int argc, char** argv) {
  CLI::App app{"backrelief: suggests massage techniques for chronic back pain, with reasons, cautions and "
               "aftercare.\nIt does not diagnose; red flags mean: see a clinician."};
  app.name("backrelief");
  app.set_version_flag("-V,--version", std::string("backrelief ") + BACKRELIEF_VERSION);
  app.require_subcommand(1);
  app.footer("See backrelief(1) for the manual and backrelief-rules(5) for the rule file format.");
  app.formatter(std::make_shared<HelpFormatter>()); // before the commands, which inherit it
  int status = k_exit_ok;
  set_recommend_command(app, status);
  set_ask_command(app, status);
  set_analyze_command(app, status);
  set_techniques_command(app, status);
  set_rules_command(app, status);
  set_test_command(app, status);
  set_config_command(app, status);
  set_values_command(app, status);

  if (!check_subcommand(app, argc, argv) || !check_empty_values(argc, argv)) {
    return k_exit_usage;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    if (error.get_exit_code() == 0) {
      return app.exit(error); // --help and --version print to stdout and succeed
    }
    const CLI::App* command = deepest_command(app);
    if (command == &app && argc <= 1) {
      print_short_usage();
      return k_exit_usage;
    }
    print_error(in_house_words(error, *command, argc, argv));
    fmt::print(stderr, "Run 'backrelief {}--help' for usage.\n", command_path(command));
    return k_exit_usage;
  } catch (const Error& error) {
    for (const Diagnostic& diagnostic : error.diagnostics()) {
      print_error(to_string(diagnostic));
    }
    const int error_status = exit_status_of(error.kind());
    if (error_status == k_exit_usage) { // every usage error ends with the same hint
      fmt::print(stderr, "Run 'backrelief {}--help' for usage.\n", command_path(deepest_command(app)));
    }
    return error_status;
  } catch (const std::system_error& error) {
    // fmt::print throws on a failed write; a reader that went away is not an error.
    if (error.code().value() == EPIPE) {
      return status;
    }
    print_error(error.what());
    return k_exit_error;
  } catch (const std::exception& error) {
    print_error(error.what());
    return k_exit_error;
  }
  return finish_output(status);
}

} // namespace backrelief::cli
