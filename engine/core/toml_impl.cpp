// The one translation unit that compiles toml++; every other file includes it header-only-off.
#define TOML_IMPLEMENTATION
#include <toml++/toml.h>
