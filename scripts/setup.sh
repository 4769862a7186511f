#!/usr/bin/env bash
# Installs everything FlowLab needs on a Debian 12 machine, skipping what is already there.
# Idempotent: a second run takes seconds. Every network attempt is bounded by a timeout.
#
#   scripts/setup.sh          everything (build, serve, tests)
#
# What it installs and where:
#   - Debian packages (apt): firefox-esr, chromium (page tests), python3 (its http.server serves
#     dist/ in the tests), fonts-wqy-microhei (so that the screenshots of the Chinese text show
#     characters, not boxes), and, when rustup cannot add the
#     wasm32 target, rustc-web cargo-web rust-web-src lld-22 (/usr/bin/cargo, /usr/bin/rustc).
#   - the wasm32-unknown-unknown standard library: by rustup when it can be reached, otherwise
#     built from Debian's std sources into /usr/lib/rustlib/wasm32-unknown-unknown/lib.
#   - cargo tools in ~/.cargo/bin: wasm-pack, geckodriver, wasm-bindgen-cli (the version pinned
#     in Cargo.lock).
#   - Node packages from package-lock.json into ./node_modules (playwright-core, katex, ...).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=scripts/env.sh
source scripts/env.sh

WASM_PACK_VERSION=0.15.1
GECKODRIVER_VERSION=0.37.1
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print }' Cargo.lock)"
NET_TIMEOUT=60       # seconds for a download that may hang (rustup's server is unreachable here)
INSTALL_TIMEOUT=1200 # seconds for a cargo install (a build, after the download)

log() { echo "[setup $(date +%H:%M:%S)] $*" >&2; }
have_deb() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

apt_updated=0
apt_install() {
  local missing=()
  for pkg in "$@"; do have_deb "$pkg" || missing+=("$pkg"); done
  [[ ${#missing[@]} -eq 0 ]] && return 0
  if [[ $apt_updated -eq 0 ]]; then
    log "apt-get update"
    timeout 600 apt-get update -q >&2
    apt_updated=1
  fi
  log "apt-get install ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive timeout 1200 apt-get install -y -q "${missing[@]}" >&2
}

# --- Node.js, browsers ---------------------------------------------------------------------
command -v node >/dev/null && command -v npm >/dev/null || apt_install nodejs npm
command -v python3 >/dev/null || apt_install python3 # the plain static server of the dist/ tests
apt_install firefox-esr chromium fonts-wqy-microhei

# --- the wasm32 standard library -----------------------------------------------------------
# Route 1 (a normal machine): rustup's prebuilt target. Route 2 (no route to rustup's server):
# Debian's rustc 1.96 builds the std from its own sources (see ../shared/TOOLCHAIN.md).
build_debian_wasm_std() {
  apt_install rustc-web cargo-web rust-web-src lld-22
  local dest=/usr/lib/rustlib/wasm32-unknown-unknown/lib
  local tmp
  tmp="$(mktemp -d)"
  log "building the wasm32 std from Debian's sources (about a minute)"
  mkdir -p "$tmp/src"
  printf '[package]\nname = "wasm_std_seed"\nversion = "0.0.0"\nedition = "2021"\n' >"$tmp/Cargo.toml"
  echo 'pub fn seed() {}' >"$tmp/src/lib.rs"
  (cd "$tmp" && RUSTC_BOOTSTRAP=1 PATH=/usr/bin:$PATH CARGO_TARGET_DIR="$tmp/target" \
    /usr/bin/cargo build -q --release --target wasm32-unknown-unknown \
    -Zbuild-std=std,panic_abort,test,proc_macro >&2)
  mkdir -p "$dest"
  find "$tmp/target/wasm32-unknown-unknown/release/deps" -name '*.rlib' ! -name 'libwasm_std_seed-*' \
    -exec cp {} "$dest/" \;
  rm -rf "$tmp"
}

if wasm_std_installed; then
  log "wasm32 std: present ($(wasm_toolchain))"
else
  log "wasm32 std: trying rustup (bounded by ${NET_TIMEOUT}s)"
  if command -v rustup >/dev/null && timeout "$NET_TIMEOUT" rustup target add wasm32-unknown-unknown >&2; then
    log "wasm32 std: installed by rustup"
  else
    log "wasm32 std: rustup cannot reach its server; using Debian's compiler"
    build_debian_wasm_std
  fi
  wasm_std_installed || { log "ERROR: no wasm32 std after setup"; exit 1; }
fi

# --- cargo tools ---------------------------------------------------------------------------
cargo_tool() { # name version binary
  local bin="$CARGO_HOME_BIN/$3"
  if [[ -x $bin ]] && "$bin" --version 2>/dev/null | grep -q "$2"; then return 0; fi
  log "cargo install $1 $2 (a few minutes)"
  # Native tools are built with rustup's compiler (the first cargo on the default PATH).
  timeout "$INSTALL_TIMEOUT" cargo install --force "$1" --version "$2" </dev/null >&2
}
cargo_tool wasm-pack "$WASM_PACK_VERSION" wasm-pack
cargo_tool geckodriver "$GECKODRIVER_VERSION" geckodriver
cargo_tool wasm-bindgen-cli "$WASM_BINDGEN_VERSION" wasm-bindgen

# --- Node packages -------------------------------------------------------------------------
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  log "npm ci"
  timeout 600 npm ci --no-audit --no-fund >&2
fi

log "ready"
