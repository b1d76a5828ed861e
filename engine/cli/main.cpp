// annalist — command-line entry point: parses the subcommand and runs its action.
#include <algorithm>
#include <cstdio>
#include <exception>
#include <memory>

#include <fmt/format.h>

#include "cli/command.h"

namespace annalist::cli {

namespace {
std::vector<command>& table() {
  static std::vector<command> t;
  return t;
}
}  // namespace

bool register_command(command c) {
  auto& t = table();
  t.insert(std::upper_bound(t.begin(), t.end(), c,
                            [](const command& a, const command& b) { return a.order < b.order; }),
           std::move(c));
  return true;
}

const std::vector<command>& commands() { return table(); }

}  // namespace annalist::cli

int main(int argc, char** argv) {
  using namespace annalist::cli;
  CLI::App app{"annalist — reconstructs the timeline of a news story from a folder of articles"};
  app.set_version_flag("--version", std::string("annalist ") + ANNALIST_VERSION);
  app.require_subcommand(1);
  app.fallthrough(false);

  action chosen;
  for (const auto& c : commands()) {
    CLI::App* sub = app.add_subcommand(std::string(c.name), std::string(c.help));
    auto act = std::make_shared<action>(c.setup(*sub));
    sub->callback([act, &chosen] { chosen = *act; });
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);  // prints help or the usage error
    // --help and --version are successes; every other parse error is bad usage.
    return rc == 0 ? ok : unusable;
  }
  if (!chosen) return unusable;
  try {
    return chosen();
  } catch (const std::exception& e) {
    // Stages report user errors as diagnostics; reaching here is a bug, but say what happened.
    std::fputs(fmt::format("annalist: internal error: {}\n", e.what()).c_str(), stderr);
    return unusable;
  }
}
