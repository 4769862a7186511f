# Sourced by the other scripts: where the tools are, and which compiler builds for wasm32.
# shellcheck shell=bash
export PATH="$HOME/.cargo/bin:$PATH"
CARGO_HOME_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"

# Succeeds when $1 (a rustc) can compile a crate for wasm32 against an installed std.
# (Its output goes to a temporary folder: rustc renames its output into place, and as root an
# `-o /dev/null` would replace the device node.)
rustc_has_wasm_std() {
  [[ -x $1 ]] || return 1
  local tmp ok=1
  tmp="$(mktemp -d)"
  echo 'pub fn f() {}' | "$1" --target wasm32-unknown-unknown --crate-type lib --emit metadata \
    --out-dir "$tmp" - >/dev/null 2>&1 && ok=0
  rm -rf "$tmp"
  return $ok
}

# "rustup" when rustup's compiler has the target, "debian" when Debian's rustc has a std built
# for it (../shared/TOOLCHAIN.md), nothing otherwise.
wasm_toolchain() {
  if rustc_has_wasm_std "$(command -v rustc 2>/dev/null || true)"; then
    echo rustup
  elif rustc_has_wasm_std /usr/bin/rustc && command -v rust-lld >/dev/null; then
    echo debian
  fi
}
wasm_std_installed() { [[ -n $(wasm_toolchain) ]]; }

# Runs a command with the compiler that can build for wasm32 first on PATH.
with_wasm_toolchain() {
  if [[ $(wasm_toolchain) == debian ]]; then
    PATH="/usr/bin:$PATH" "$@"
  else
    "$@"
  fi
}
