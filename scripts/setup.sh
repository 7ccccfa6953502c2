#!/usr/bin/env bash
# Installs the Debian packages Dossier needs, only when something is missing.
# Idempotent and silent when everything is already present.
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libxapian-dev libicu-dev libcli11-dev nlohmann-json3-dev libgtest-dev
  # .html articles: libxml2's HTML parser.
  libxml2-dev
  libgoogle-perftools-dev
  xapian-tools
  python3
  # The libFuzzer harnesses (scripts/fuzz.sh): clang and its fuzzer runtime; clang-tidy
  # for -DDOSSIER_CLANG_TIDY=ON.
  clang libclang-rt-14-dev clang-tidy
  # Actor lexicons, read at build time by scripts/gen_actor_data.py and compiled in.
  wordnet-base wamerican-huge
  # dossier-serve: HTTP (cpp-httplib); its browser tests drive headless Chromium.
  libcpp-httplib-dev
  chromium chromium-driver python3-selenium
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
# python3 may come from elsewhere (pyenv); only install Debian's if none is on PATH.
if command -v python3 >/dev/null 2>&1; then
  missing=("${missing[@]/python3/}")
fi
read -r -a missing <<<"${missing[*]}"

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  if [ "$(id -u)" -ne 0 ]; then
    echo "setup: missing packages and not root; run: sudo apt-get install ${missing[*]}" >&2
    exit 2
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
