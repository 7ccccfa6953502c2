#!/usr/bin/env bash
# Installs the Debian packages Dossier needs, only when something is missing.
# Idempotent and silent when everything is already present.
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libxapian-dev libicu-dev libcli11-dev nlohmann-json3-dev libgtest-dev
  # .html articles: libxml2's HTML parser.
  libxml2-dev
  # The stored records are LZ4-compressed (schema/record_codec.h).
  liblz4-dev
  libgoogle-perftools-dev
  xapian-tools
  # dossier-shard-server: the xapian-core source (below) is fetched with curl and unpacked
  # and checked with dpkg-source.
  curl dpkg-dev xz-utils
  python3
  # The libFuzzer harnesses (scripts/fuzz.sh): clang and its fuzzer runtime; clang-tidy
  # for -DDOSSIER_CLANG_TIDY=ON.
  clang libclang-rt-14-dev clang-tidy
  # Actor lexicons, read at build time by scripts/gen_actor_data.py and compiled in.
  wordnet-base wamerican-huge libtext-names-perl
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
  kept=()
  for p in "${missing[@]}"; do
    [ "$p" = python3 ] || kept+=("$p")
  done
  missing=("${kept[@]}")
fi

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  if [ "$(id -u)" -ne 0 ]; then
    echo "setup: missing packages and not root; run: sudo apt-get install ${missing[*]}" >&2
    exit 2
  fi
  export DEBIAN_FRONTEND=noninteractive
  # apt's own chatter (debconf notices included) is shown only when apt fails.
  apt_log="$(mktemp)"
  if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}"; } \
    >"$apt_log" 2>&1; then
    cat "$apt_log" >&2
    rm -f "$apt_log"
    echo "setup: apt-get failed installing ${missing[*]}" >&2
    exit 3
  fi
  rm -f "$apt_log"
fi

# dossier-shard-server is Xapian's own TCP server (RemoteTcpServer) with Dossier's match
# spies registered. The library exports its symbols but libxapian-dev lacks its headers
# (net/), so they come from the xapian-core source of the installed version: Debian's
# source package, unpacked by dpkg-source -x, which checks the tarballs against the .dsc;
# the .dsc itself is checked against the SHA-256 pinned below (its OpenPGP signature needs
# debian-keyring, which Debian 12 does not install). No deb-src line is added to apt.
# CMake reads DOSSIER_XAPIAN_SOURCE_DIR, whose default is this folder.
xapian_src_root=/usr/local/src/dossier
declare -A xapian_dsc_sha256=(
  [1.4.22-1]=8d03655fc0d669d7681dfaeb8c766f8c8b0d1cbe642d1786156a846d8d3eb71b
)
xapian_deb_version="$(dpkg-query -W -f='${Version}' libxapian30 2>/dev/null || true)"
xapian_upstream="${xapian_deb_version%-*}"
xapian_src_dir="$xapian_src_root/xapian-core-$xapian_upstream"
if [ -n "$xapian_deb_version" ] &&
  ! head -n1 "$xapian_src_dir/debian/changelog" 2>/dev/null | grep -qF "($xapian_deb_version)"; then
  pinned="${xapian_dsc_sha256[$xapian_deb_version]:-}"
  if [ -z "$pinned" ]; then
    echo "setup: no pinned xapian-core $xapian_deb_version source; dossier-shard-server is skipped" >&2
  elif [ "$(id -u)" -ne 0 ]; then
    echo "setup: run as root to fetch the xapian-core source into $xapian_src_root" >&2
    exit 2
  else
    work="$(mktemp -d)"
    trap 'rm -rf "$work"' EXIT
    pool=http://deb.debian.org/debian/pool/main/x/xapian-core
    dsc="xapian-core_${xapian_deb_version}.dsc"
    (cd "$work" && curl -sSfO "$pool/$dsc")
    if ! echo "$pinned  $work/$dsc" | sha256sum --check --status; then
      echo "setup: $dsc does not match its pinned SHA-256; not unpacked" >&2
      exit 3
    fi
    for f in $(awk '/^Checksums-Sha256:/{on=1;next} /^[^ ]/{on=0} on{print $3}' "$work/$dsc"); do
      (cd "$work" && curl -sSfO "$pool/$f")
    done
    (cd "$work" && dpkg-source -q -x "$dsc" src >/dev/null 2>&1) ||
      { echo "setup: dpkg-source could not unpack or verify $dsc" >&2; exit 3; }
    mkdir -p "$xapian_src_root"
    rm -rf "$xapian_src_dir"
    mv "$work/src" "$xapian_src_dir"
  fi
fi
