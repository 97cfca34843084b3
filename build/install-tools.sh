#!/usr/bin/env bash
# Installs what `make serve` (dev), `make build` (build) and `make test` (test) need, only where it
# is missing, at the wrong version or fails to start. Every probe of a tool tolerates its absence:
# under `set -euo pipefail` a missing command inside `$(...)` would otherwise end the script (seen
# on a fresh machine). What cannot be installed from here (Node, Chromium without root) is checked
# first, so nobody waits ten minutes for a sentence they could have had at once.
#   build/install-tools.sh dev    wasm32 target, Trunk, wasm-bindgen CLI (and Node for Trunk's hook)
#   build/install-tools.sh build  the above, then the npm packages (wasm-opt for release builds)
#   build/install-tools.sh test   the above, then rustfmt, clippy, Chromium and ChromeDriver
set -euo pipefail
cd "$(dirname "$0")/.."

# One source each: Trunk.toml names the Trunk it needs, Cargo.toml pins wasm-bindgen exactly.
TRUNK_VERSION=$(sed -n 's/^trunk-version = "\([0-9.]*\)".*/\1/p' Trunk.toml)
WASM_BINDGEN_VERSION=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' Cargo.toml)
WASM_OPT_VERSION=132
NODE_MAJOR_MIN=20
WASM_TARGET=wasm32-unknown-unknown
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
CHROMEDRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver}
CARGO_BIN="${CARGO_HOME:-${HOME:-}/.cargo}/bin"
export PATH="$PWD/node_modules/.bin:$CARGO_BIN:$PATH"

step() { echo "install-tools: $*"; }
stop() {
  echo "install-tools: $*" >&2
  exit 1
}

[ -n "$TRUNK_VERSION" ] || stop "Trunk.toml names no trunk-version"
[ -n "$WASM_BINDGEN_VERSION" ] || stop "Cargo.toml must pin wasm-bindgen exactly (wasm-bindgen = \"=x.y.z\")"

# Prints the second word of `tool --version`, or nothing when the tool is absent or fails.
version_of() {
  command -v "$1" >/dev/null 2>&1 || return 0
  { "$1" --version 2>/dev/null || true; } | awk 'NR == 1 { print $2 }'
}

# What this script cannot install: Rust through rustup, and Node with npm.
check_prerequisites() {
  command -v cargo >/dev/null 2>&1 && command -v rustup >/dev/null 2>&1 \
    || stop "Rust is needed through rustup (cargo and rustup on PATH): see https://rustup.rs, then run this again"
  local node=""
  # `node --version` prints the version alone ("v20.20.2").
  command -v node >/dev/null 2>&1 && node=$({ node --version 2>/dev/null || true; } | awk 'NR == 1 { print $1 }')
  [ -n "$node" ] || stop "Node.js $NODE_MAJOR_MIN or newer is needed (Trunk's build hook and the tests run on it): install Node.js and npm, then run this again"
  node=${node#v}
  [ "${node%%.*}" -ge "$NODE_MAJOR_MIN" ] 2>/dev/null \
    || stop "Node.js $NODE_MAJOR_MIN or newer is needed, found $node: install a newer Node.js, then run this again"
  command -v npm >/dev/null 2>&1 || stop "npm is needed (it comes with Node.js): install it, then run this again"
}

chromium_works() {
  [ -x "$CHROMIUM" ] && [ -x "$CHROMEDRIVER" ] \
    && "$CHROMIUM" --version >/dev/null 2>&1 && "$CHROMEDRIVER" --version >/dev/null 2>&1
}

# Chromium comes from Debian: as root it is installed at the end; otherwise say so before
# anything long starts.
check_chromium_installable() {
  chromium_works && return 0
  [ "$(id -u)" = 0 ] && return 0
  echo "The browser tests need Chromium and ChromeDriver. Install them as root, then run make test again:"
  echo "    sudo apt-get install -y chromium chromium-driver"
  exit 1
}

install_dev() {
  if ! { rustup target list --installed 2>/dev/null || true; } | grep -qx "$WASM_TARGET"; then
    step "adding the $WASM_TARGET target (seconds)"
    rustup target add "$WASM_TARGET"
  fi

  local have
  have=$(version_of trunk)
  if [ "$have" != "$TRUNK_VERSION" ]; then
    step "installing trunk $TRUNK_VERSION (found: ${have:-none}; 6-10 minutes on 2 cores)"
    cargo install trunk --version "$TRUNK_VERSION" --locked --force
  fi

  have=$(version_of wasm-bindgen)
  if [ "$have" != "$WASM_BINDGEN_VERSION" ]; then
    # No --locked: its lock file asks for a webpki-roots version the registry does not serve.
    step "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (found: ${have:-none}; about 2.5 minutes on 2 cores)"
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
  fi
}

install_build() {
  install_dev
  local stamp=node_modules/.install-stamp wasm_opt
  wasm_opt=$({ node_modules/.bin/wasm-opt --version 2>/dev/null || true; } | awk 'NR == 1 { print $3 }')
  if [ ! -f "$stamp" ] || [ package.json -nt "$stamp" ] || [ package-lock.json -nt "$stamp" ] \
    || [ "$wasm_opt" != "$WASM_OPT_VERSION" ]; then
    step "installing npm packages from package-lock.json (wasm-opt, esbuild, playwright-core; under a minute)"
    npm ci --no-audit --no-fund
    touch "$stamp"
  fi
}

install_test() {
  check_chromium_installable
  install_build
  local missing=()
  local component
  for component in rustfmt clippy; do
    { rustup component list --installed 2>/dev/null || true; } | grep -q "^$component" \
      || missing+=("$component")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    step "adding the ${missing[*]} component(s) (seconds)"
    rustup component add "${missing[@]}"
  fi
  if ! chromium_works; then
    step "installing Debian's chromium and chromium-driver (about 1 minute)"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver
  fi
}

case "${1:-}" in
  dev | build | test) check_prerequisites ;;
  *)
    echo "usage: $0 dev|build|test" >&2
    exit 2
    ;;
esac
case "$1" in
  dev) install_dev ;;
  build) install_build ;;
  test) install_test ;;
esac
