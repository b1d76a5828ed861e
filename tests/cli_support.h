// tests/cli_support.h — running the `annalist` binary from a test, shared by the CLI suites.
#pragma once

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace annalist::test {

inline std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct run_result {
  int code = -1;
  std::string out, err;
};

// Runs `annalist ARGS` (already shell-quoted) in the folder `cwd`, capturing stdout and stderr
// through out.txt and err.txt in `capture`. TZ and LC_ALL are set to unusual values: output must
// not depend on them.
inline run_result run_cli(const std::filesystem::path& cwd, const std::string& args,
                          const std::filesystem::path& capture) {
  const std::string cmd = "cd '" + cwd.string() + "' && TZ=Pacific/Chatham LC_ALL=C.UTF-8 '" +
                          std::string(ANNALIST_BINARY) + "' " + args + " >'" +
                          (capture / "out.txt").string() + "' 2>'" + (capture / "err.txt").string() + "'";
  const int status = std::system(cmd.c_str());
  run_result r;
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = slurp(capture / "out.txt");
  r.err = slurp(capture / "err.txt");
  return r;
}

}  // namespace annalist::test
