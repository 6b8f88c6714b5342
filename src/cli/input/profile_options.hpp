#pragma once

#include "api/internals.hpp"
#include "cli/input/rule_options.hpp"
#include "core/engine/profile.hpp"

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <vector>

namespace backrelief::cli {

/// The options that describe a person and how to show their answer, as typed; shared by
/// `recommend` and `config`. Unset means "not on the command line", so the config file may fill it.
struct ProfileOptions {
  RuleOptions rules;
  ProfileInput person; ///< the facts and preferences given as options (no description)
  std::optional<std::size_t> top;
  std::optional<std::string> format;
  bool json = false;
  std::optional<std::string> color;
  std::optional<std::string> config; ///< --config PATH
  bool no_config = false;            ///< --no-config
};

/// Adds the profile, output and config options to a command; `formats` lists what -f/--format
/// may name, text first.
void add_profile_options(CLI::App& command, ProfileOptions& options,
                         const std::vector<std::string>& formats = {"text", "json", "tsv"});

/// Adds --answer ID=ANSWER (repeatable) to a command that answers warning-sign questions.
void add_answer_option(CLI::App& command, ProfileInput& input);

/// make_profile() for values typed as options: a value that is not acceptable is reported at its
/// option ("--pressure: unknown value 'lwo'..."), since every field is named after its option.
Profile make_profile_from_options(const ProfileInput& input, const RuleSet& rules);

/// The rules' answer, through the API, for values typed as options: dated this year unless the
/// input says otherwise, and a value that is not acceptable reported at its option.
Answer answer_from_options(const Recommender& recommender, const ProfileInput& input, Tracing tracing = Tracing::off);

} // namespace backrelief::cli
