#include "core/data_dir.h"

#include <cstdlib>

namespace annalist {

std::filesystem::path data_dir() {
  if (const char* env = std::getenv("ANNALIST_DATA_DIR"); env && *env) return env;
  return ANNALIST_DATA_DIR;
}

}  // namespace annalist
