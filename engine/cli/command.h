// annalist/cli/command.h — the table of subcommands.
//
// Each subcommand is a cmd_<name>.cpp that registers one `command`: its name, a one-line help,
// and a setup function that declares its options on a CLI11 subcommand and returns the action to
// run once the arguments are parsed. Actions return the process exit code:
//   0 success, 1 a finding (check), 2 bad usage or nothing usable.
#pragma once

#include <functional>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

namespace annalist::cli {

enum exit_code : int { ok = 0, finding = 1, unusable = 2 };

using action = std::function<int()>;

struct command {
  std::string_view name;
  std::string_view help;
  int order;  // position in `annalist --help`
  std::function<action(CLI::App& sub)> setup;
};

/// Adds a command to the table; call from a namespace-scope initializer in cmd_<name>.cpp.
bool register_command(command c);

/// All registered commands, in help order.
const std::vector<command>& commands();

}  // namespace annalist::cli
