#!/usr/bin/env bash
# Sets up a Debian 12 machine for annalist and builds it (Release) into build/.
#
#   scripts/setup.sh            install missing Debian packages (apt-get), configure, build
#   ANNALIST_APT=always ...     always run apt-get update + install (CI does)
#   ANNALIST_APT=never ...      never touch packages (a machine you manage yourself)
#   BUILD_DIR=dir ...           build somewhere else than build/
#
# Every dependency is a Debian package; nothing is downloaded at build time.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  cmake g++ make pkg-config git ca-certificates
  libhowardhinnant-date-dev tzdata   # calendar arithmetic and time zones (system zoneinfo)
  libicu-dev                         # NFC, break iterators, locale data
  libtomlplusplus-dev                # manifests, lexicon, config
  libboost-test-dev                  # test suites
  libcli11-dev nlohmann-json3-dev libfmt-dev
  libical-dev                        # iCalendar export
  libexpat1-dev                      # TimeML reader
  libbenchmark-dev                   # benchmarks (built when present)
  python3 python3-icalendar          # export round-trip checks
  python3-jsonschema chromium        # JSON Schema check; the html page in a headless browser
)

mode=${ANNALIST_APT:-auto}
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "$mode" = always ] || { [ "$mode" = auto ] && [ ${#missing[@]} -gt 0 ]; }; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${packages[@]}"
elif [ ${#missing[@]} -gt 0 ]; then
  echo "setup.sh: missing Debian packages: ${missing[*]}" >&2
fi

build=${BUILD_DIR:-build}
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release
cmake --build "$build" -j"$(nproc)"
