#!/usr/bin/env bash
# Installs what `make serve` (dev) and `make test` (test) need, only where it is missing or at the
# wrong version. Every probe of a tool tolerates its absence: under `set -euo pipefail` a missing
# command inside `$(...)` would otherwise end the script (seen on a fresh machine).
#   build/install-tools.sh dev    wasm32 target, Trunk, wasm-bindgen CLI
#   build/install-tools.sh build  the above, then the npm packages (wasm-opt for release builds)
#   build/install-tools.sh test   the above, then Chromium and ChromeDriver
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
WASM_TARGET=wasm32-unknown-unknown
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
CHROMEDRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver}
export PATH="$PWD/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

# Prints the second word of `tool --version`, or nothing when the tool is absent or fails.
version_of() {
  command -v "$1" >/dev/null 2>&1 || return 0
  { "$1" --version 2>/dev/null || true; } | awk 'NR == 1 { print $2 }'
}

step() { echo "install-tools: $*"; }

install_dev() {
  if ! { rustup target list --installed 2>/dev/null || true; } | grep -qx "$WASM_TARGET"; then
    step "adding the $WASM_TARGET target (seconds)"
    rustup target add "$WASM_TARGET"
  fi

  local have
  have=$(version_of trunk)
  if [ "$have" != "$TRUNK_VERSION" ]; then
    step "installing trunk $TRUNK_VERSION (found: ${have:-none}; about 10 minutes on 2 cores)"
    cargo install trunk --version "$TRUNK_VERSION" --locked --force
  fi

  [ -f Cargo.lock ] || { step "writing Cargo.lock"; cargo generate-lockfile; }
  local want
  want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
  [ -n "$want" ] || { echo "install-tools: no wasm-bindgen in Cargo.lock" >&2; exit 1; }
  have=$(version_of wasm-bindgen)
  if [ "$have" != "$want" ]; then
    # No --locked: its lock file asks for a webpki-roots version the registry does not serve.
    step "installing wasm-bindgen-cli $want (found: ${have:-none}; about 3 minutes on 2 cores)"
    cargo install wasm-bindgen-cli --version "$want" --force
  fi
}

install_build() {
  install_dev
  local stamp=node_modules/.install-stamp
  if [ ! -f "$stamp" ] || [ package.json -nt "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
    step "installing npm packages from package-lock.json (wasm-opt, playwright-core; under a minute)"
    npm ci --no-audit --no-fund
    touch "$stamp"
  fi
}

install_test() {
  install_build
  if [ ! -x "$CHROMIUM" ] || [ ! -x "$CHROMEDRIVER" ]; then
    if [ "$(id -u)" = 0 ]; then
      step "installing Debian's chromium and chromium-driver (about 1 minute)"
      DEBIAN_FRONTEND=noninteractive apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver
    else
      echo "The browser tests need Chromium and ChromeDriver. Install them as root, then run make test again:"
      echo "    sudo apt-get install -y chromium chromium-driver"
      exit 1
    fi
  fi
}

case "${1:-}" in
  dev) install_dev ;;
  build) install_build ;;
  test) install_test ;;
  *) echo "usage: $0 dev|build|test" >&2; exit 2 ;;
esac
