#pragma once

#include <CLI/CLI.hpp>

namespace backrelief::cli {

/// Registers `recommend`; its callback stores the exit status in `status`.
void set_recommend_command(CLI::App& app, int& status);

/// `backrelief ask`: the guided interview, or its answers replayed from a file.
void set_ask_command(CLI::App& app, int& status);

/// Registers `analyze [DESCRIPTION]`.
void set_analyze_command(CLI::App& app, int& status);

/// Registers `test PATH...`, the scenario runner for rule authors.
void set_test_command(CLI::App& app, int& status);

/// Registers `techniques [ID]`.
void set_techniques_command(CLI::App& app, int& status);

/// Registers `config`: every effective setting with its origin.
void set_config_command(CLI::App& app, int& status);

/// Registers `values KIND`: what an option accepts, for completions and scripts.
void set_values_command(CLI::App& app, int& status);

/// Registers `rules list|check|show|diff`.
void set_rules_command(CLI::App& app, int& status);

/// Registers `rules diff` under the `rules` command.
void add_rules_diff_command(CLI::App& rules_command, int& status);

} // namespace backrelief::cli
