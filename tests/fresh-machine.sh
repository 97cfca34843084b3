#!/usr/bin/env bash
# Proves the install step works on a machine that has none of our tools, without needing one:
# build/install-tools.sh runs in a scratch copy of the project with HOME and CARGO_HOME pointing
# at an empty folder, and a PATH of that folder's .cargo/bin (stand-ins for rustup's proxies and
# for whatever the case puts there) plus links to a few system tools (no node, npm, trunk,
# wasm-bindgen or Chromium of this machine's). The stand-in `cargo install` and `rustup` record
# what they are asked for and leave a tool that answers `--version`, so a second run can show
# the machine has settled.
set -euo pipefail
project=$(cd "$(dirname "$0")/.." && pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
failures=0
want_bindgen=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' "$project/Cargo.toml")
want_trunk=$(sed -n 's/^trunk-version = "\([0-9.]*\)".*/\1/p' "$project/Trunk.toml")
[ -n "$want_bindgen" ] && [ -n "$want_trunk" ] || {
  echo "fresh-machine: Cargo.toml must pin wasm-bindgen exactly and Trunk.toml name trunk-version" >&2
  exit 1
}

# The system tools the install step and the stand-ins use, and nothing else of this machine.
system=$scratch/system
mkdir -p "$system"
for tool in bash sh env sed awk grep dirname id touch mkdir cat rm chmod; do
  ln -s "$(command -v "$tool")" "$system/$tool"
done

# A new machine: an empty home (CARGO_HOME under it unless the case moves it) and a checkout
# without node_modules or Cargo.lock.
new_machine() {
  local case_dir=$scratch/$1
  home=$case_dir/home
  cargo_home=${2:-$home/.cargo}
  checkout=$case_dir/checkout
  log=$case_dir/installs.log
  bin=$cargo_home/bin
  mkdir -p "$bin" "$checkout/build" "$home"
  cp "$project/build/install-tools.sh" "$checkout/build/"
  cp "$project/Cargo.toml" "$project/Trunk.toml" "$project/package.json" "$project/package-lock.json" "$checkout/"
  : >"$log"
  : >"$log.out"
  # rustup: knows the host target and the components listed in $home/components.
  printf 'rustfmt-x86_64-unknown-linux-gnu\nclippy-x86_64-unknown-linux-gnu\n' >"$home/components"
  cat >"$bin/rustup" <<EOF
#!/usr/bin/env bash
case "\$1 \$2" in
  "target list") echo x86_64-unknown-linux-gnu; [ -f "$home/wasm-target" ] && echo wasm32-unknown-unknown; exit 0 ;;
  "target add") echo "rustup \$*" >>"$log"; touch "$home/wasm-target" ;;
  "component list") cat "$home/components" ;;
  "component add") echo "rustup \$*" >>"$log"; shift 2; for c in "\$@"; do echo "\$c-x86_64-unknown-linux-gnu" >>"$home/components"; done ;;
  *) echo "rustup \$*" >>"$log" ;;
esac
EOF
  # cargo install: records the command and leaves the tool at the asked-for version.
  cat >"$bin/cargo" <<EOF
#!/usr/bin/env bash
[ "\$1" = install ] || { echo "stand-in cargo: unexpected \$*" >&2; exit 1; }
echo "cargo \$*" >>"$log"
crate=\$2; version=\$4
tool=\$crate; [ "\$crate" = wasm-bindgen-cli ] && tool=wasm-bindgen
printf '#!/usr/bin/env bash\necho "%s %s"\n' "\$tool" "\$version" >"$bin/\$tool"
chmod +x "$bin/\$tool"
EOF
  chmod +x "$bin/rustup" "$bin/cargo"
  for proxy in rustc rustfmt cargo-clippy; do ln -s rustup "$bin/$proxy"; done
  node_at v20.20.2
  # npm ci: records and leaves a wasm-opt of the version package-lock.json holds.
  cat >"$bin/npm" <<EOF
#!/usr/bin/env bash
echo "npm \$*" >>"$log"
mkdir -p node_modules/.bin
printf '#!/usr/bin/env bash\necho "wasm-opt version 132 (version_132)"\n' >node_modules/.bin/wasm-opt
chmod +x node_modules/.bin/wasm-opt
EOF
  printf '#!/usr/bin/env bash\necho "apt-get $*" >>"%s"\n' "$log" >"$bin/apt-get"
  chmod +x "$bin/npm" "$bin/apt-get"
  as_user 0
}

# A tool on the machine's PATH printing `tool version`, or failing when version is "broken".
installed() {
  local tool=$1 version=$2 dir=${3:-$bin}
  if [ "$version" = broken ]; then
    printf '#!/usr/bin/env bash\necho "error while loading shared libraries" >&2; exit 127\n' >"$dir/$tool"
  else
    printf '#!/usr/bin/env bash\necho "%s %s"\n' "$tool" "$version" >"$dir/$tool"
  fi
  chmod +x "$dir/$tool"
}

# A node that prints its version the way Node.js does: "v20.20.2" alone.
node_at() { printf '#!/usr/bin/env bash\necho %s\n' "$1" >"$bin/node" && chmod +x "$bin/node"; }

as_user() { printf '#!/usr/bin/env bash\necho %s\n' "$1" >"$bin/id" && chmod +x "$bin/id"; }

all_tools_right() {
  touch "$home/wasm-target"
  installed trunk "$want_trunk"
  installed wasm-bindgen "$want_bindgen"
}

# Chromium and ChromeDriver stand-ins at paths the case passes in CHROMIUM / CHROMEDRIVER.
browsers=$scratch/browsers
mkdir -p "$browsers"
installed chromium 156 "$browsers"
installed chromedriver 156 "$browsers"
no_browser="CHROMIUM=$scratch/none CHROMEDRIVER=$scratch/none"
browser="CHROMIUM=$browsers/chromium CHROMEDRIVER=$browsers/chromedriver"

# Runs the step as a new user would; `extra_env` adds variables (CHROMIUM=...).
run_step() {
  : >"$log"
  # shellcheck disable=SC2086 # extra_env is a list of NAME=value words
  env -i HOME="$home" CARGO_HOME="$cargo_home" PATH="$bin:$system" ${extra_env:-} \
    bash "$checkout/build/install-tools.sh" "$@" >"$log.out" 2>&1
}

# check NAME EXPECTED_STATUS STATUS [line...]: each line must be in the log or output;
# "!line" must not be; "<a|b" means a is logged before b.
check() {
  local name=$1 expect_status=$2 status=$3
  shift 3
  local problems=() line
  [ "$status" = "$expect_status" ] || problems+=("exit status $status, expected $expect_status")
  for line in "$@"; do
    case "$line" in
      !*) ! grep -qF -- "${line#!}" "$log" "$log.out" || problems+=("did not expect: ${line#!}") ;;
      \<*)
        local pair=${line#<} first second
        first=$({ grep -nF -- "${pair%%|*}" "$log" || true; } | head -1 | cut -d: -f1)
        second=$({ grep -nF -- "${pair#*|}" "$log" || true; } | head -1 | cut -d: -f1)
        [ -n "$first" ] && [ -n "$second" ] && [ "$first" -lt "$second" ] \
          || problems+=("expected ${pair%%|*} before ${pair#*|}")
        ;;
      *) grep -qF -- "$line" "$log" "$log.out" || problems+=("expected: $line") ;;
    esac
  done
  if [ ${#problems[@]} -eq 0 ]; then
    echo "fresh-machine: ok   $name"
  else
    echo "fresh-machine: FAIL $name"
    printf '    %s\n' "${problems[@]}"
    sed 's/^/    | /' "$log" "$log.out"
    failures=$((failures + 1))
  fi
}

step_status() { run_step "$@" && status=0 || status=$?; }

new_machine nothing
extra_env='' step_status dev
check "nothing installed: the target, Trunk and wasm-bindgen-cli of the pinned versions" 0 "$status" \
  "rustup target add wasm32-unknown-unknown" \
  "cargo install trunk --version $want_trunk --locked" \
  "cargo install wasm-bindgen-cli --version $want_bindgen" \
  "minutes on 2 cores" "found: none"
extra_env='' step_status dev
check "the same machine again: installs nothing" 0 "$status" "!cargo install" "!rustup"

new_machine wrong-versions
touch "$home/wasm-target"
installed trunk 0.20.1
installed wasm-bindgen 0.2.100
extra_env='' step_status dev
check "wrong versions: reinstalls both, not the target" 0 "$status" \
  "cargo install trunk --version $want_trunk" \
  "cargo install wasm-bindgen-cli --version $want_bindgen" "found: 0.2.100" \
  "!rustup target add"

new_machine broken-tool
all_tools_right
installed wasm-bindgen broken
extra_env='' step_status dev
check "a wasm-bindgen that fails to start: reinstalled" 0 "$status" \
  "cargo install wasm-bindgen-cli --version $want_bindgen" "!cargo install trunk"

new_machine stale-lock
all_tools_right
printf '[[package]]\nname = "wasm-bindgen"\nversion = "0.2.99"\n' >"$checkout/Cargo.lock"
extra_env='' step_status dev
check "a Cargo.lock older than the pin: the pin decides, nothing installed" 0 "$status" "!cargo install"

new_machine cargo-home-elsewhere "$scratch/cargo-home-elsewhere/opt-cargo"
all_tools_right
mkdir -p "$home/.cargo/bin"
installed trunk 0.19.0 "$home/.cargo/bin"
extra_env='' step_status dev
check "CARGO_HOME outside HOME: its tools count, an old one in ~/.cargo does not" 0 "$status" "!cargo install"
make_bin=$(CARGO_HOME=/opt/elsewhere make -s --no-print-directory -C "$project" \
  --eval '__fresh_machine_cargo_bin: ; @echo $(CARGO_BIN)' __fresh_machine_cargo_bin)
: >"$log"
echo "$make_bin" >"$log.out"
check "the Makefile puts CARGO_HOME's bin on PATH" 0 0 "/opt/elsewhere/bin"

new_machine no-node
all_tools_right
rm "$bin/node"
extra_env='' step_status dev
check "no Node.js: says so and installs nothing" 1 "$status" "Node.js 20 or newer is needed" "!cargo install"
new_machine old-node
node_at v18.20.4
extra_env='' step_status dev
check "Node.js 18: says so before any install" 1 "$status" "found 18.20.4" "!cargo install" "!rustup target add"

new_machine build-step
all_tools_right
extra_env='' step_status build
check "build step: npm packages" 0 "$status" "npm ci"
rm "$checkout/node_modules/.bin/wasm-opt"
extra_env='' step_status build
check "build step with node_modules but no wasm-opt: npm again" 0 "$status" "npm ci"

new_machine test-as-root
all_tools_right
printf '' >"$home/components"
extra_env=$no_browser step_status test
check "test step as root: npm, rustfmt and clippy, then Chromium from Debian" 0 "$status" \
  "npm ci" "rustup component add rustfmt clippy" \
  "<apt-get update|apt-get install -y -qq chromium chromium-driver"

new_machine only-driver-missing
all_tools_right
extra_env="CHROMIUM=$browsers/chromium CHROMEDRIVER=$scratch/none" step_status test
check "only ChromeDriver missing: Chromium and its driver from Debian" 0 "$status" \
  "apt-get install -y -qq chromium chromium-driver"

new_machine test-as-user
as_user 1000
extra_env=$no_browser step_status test
check "test step as a user without Chromium: says what to install before any long install" 1 "$status" \
  "sudo apt-get install -y chromium chromium-driver" "!cargo install" "!npm ci" "!apt-get install -y -qq"

new_machine settled
all_tools_right
extra_env=$browser step_status test
extra_env=$browser step_status test
check "test step on a machine with everything: installs nothing" 0 "$status" \
  "!npm ci" "!apt-get" "!cargo install" "!rustup"

# Both README commands start with the install step.
: >"$log"
{ make -s -n --no-print-directory -C "$project" serve || true; } | head -1 >"$log.out"
check "make serve runs the install step first" 0 0 "build/install-tools.sh dev"
{ make -s -n --no-print-directory -C "$project" test 2>/dev/null || true; } | head -1 >"$log.out"
check "make test runs the install step first" 0 0 "build/install-tools.sh test"

if [ "$failures" -gt 0 ]; then
  echo "fresh-machine: $failures case(s) failed" >&2
  exit 1
fi
echo "fresh-machine: all cases passed"
