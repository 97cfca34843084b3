#!/usr/bin/env bash
# Proves the install step works on a machine that has none of our tools, without needing one:
# build/install-tools.sh runs in a scratch copy of the project with HOME and CARGO_HOME pointing
# at an empty folder whose .cargo/bin holds only stand-ins for rustup's proxies. The stand-in
# `cargo` and `rustup` record what they are asked to install instead of installing it.
# Cases: nothing installed, wrong versions, a tool that fails to start, everything right, the
# test step (npm, Chromium) as root and as a user, and `make serve` going through the same step.
set -euo pipefail
project=$(cd "$(dirname "$0")/.." && pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
failures=0
want_bindgen=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' "$project/Cargo.toml")
[ -n "$want_bindgen" ] || { echo "fresh-machine: Cargo.toml must pin wasm-bindgen exactly (=x.y.z)" >&2; exit 1; }
trunk_version=$(sed -n 's/^TRUNK_VERSION=//p' "$project/build/install-tools.sh")

# A new machine: an empty home, a project checkout without Cargo.lock or node_modules.
new_machine() {
  local case_dir=$scratch/$1
  home=$case_dir/home
  checkout=$case_dir/checkout
  log=$case_dir/installs.log
  bin=$home/.cargo/bin
  mkdir -p "$bin" "$checkout/build"
  cp "$project/build/install-tools.sh" "$checkout/build/"
  cp "$project/Cargo.toml" "$project/package.json" "$checkout/"
  : >"$log"
  # rustup's proxies: `rustup target list` knows only the host until `target add` runs.
  cat >"$bin/rustup" <<EOF
#!/usr/bin/env bash
case "\$1 \$2" in
  "target list") echo x86_64-unknown-linux-gnu; [ -f "$home/wasm-target" ] && echo wasm32-unknown-unknown; exit 0 ;;
  "target add") echo "rustup \$*" >>"$log"; touch "$home/wasm-target" ;;
  *) echo "rustup \$*" >>"$log" ;;
esac
EOF
  # cargo: records installs; generate-lockfile writes what cargo would resolve for the pin.
  cat >"$bin/cargo" <<EOF
#!/usr/bin/env bash
case "\$1" in
  install) echo "cargo \$*" >>"$log" ;;
  generate-lockfile) echo "cargo \$*" >>"$log"; printf '[[package]]\nname = "wasm-bindgen"\nversion = "$want_bindgen"\n' >Cargo.lock ;;
  *) echo "stand-in cargo: unexpected \$*" >&2; exit 1 ;;
esac
EOF
  chmod +x "$bin/rustup" "$bin/cargo"
  for proxy in rustc rustfmt cargo-clippy; do ln -s rustup "$bin/$proxy"; done
}

# A tool already on the new machine's PATH, printing `version` (or failing when version is "broken").
installed() {
  local tool=$1 version=$2
  if [ "$version" = broken ]; then
    printf '#!/usr/bin/env bash\necho "error while loading shared libraries" >&2; exit 127\n' >"$bin/$tool"
  else
    printf '#!/usr/bin/env bash\necho "%s %s"\n' "$tool" "$version" >"$bin/$tool"
  fi
  chmod +x "$bin/$tool"
}

# Runs the step as a new user would; only system tools and the stand-ins are on PATH.
run_step() {
  env -i HOME="$home" CARGO_HOME="$home/.cargo" PATH="$bin:/usr/bin:/bin" \
    ${extra_env:-} bash "$checkout/build/install-tools.sh" "$@" >"$log.out" 2>&1
}

check() {
  local name=$1 expect_status=$2 status=$3
  shift 3
  local problems=()
  [ "$status" = "$expect_status" ] || problems+=("exit status $status, expected $expect_status")
  local line
  for line in "$@"; do
    case "$line" in
      !*) grep -qF -- "${line#!}" "$log" "$log.out" && problems+=("did not expect: ${line#!}") ;;
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

# Tools this check must not find on the system PATH, or it would prove nothing.
for tool in trunk wasm-bindgen; do
  if PATH=/usr/bin:/bin command -v "$tool" >/dev/null; then
    echo "fresh-machine: $tool is in /usr/bin or /bin, so this check cannot simulate its absence" >&2
    exit 1
  fi
done

new_machine nothing
extra_env='' run_step dev && status=0 || status=$?
check "nothing installed: installs the target, Trunk and wasm-bindgen-cli" 0 "$status" \
  "rustup target add wasm32-unknown-unknown" \
  "cargo install trunk --version $trunk_version --locked" \
  "cargo generate-lockfile" \
  "cargo install wasm-bindgen-cli --version $want_bindgen" \
  "about 10 minutes" "found: none"

new_machine wrong-versions
touch "$home/wasm-target"
installed trunk 0.20.1
installed wasm-bindgen 0.2.100
extra_env='' run_step dev && status=0 || status=$?
check "wrong versions: reinstalls both, not the target" 0 "$status" \
  "cargo install trunk --version $trunk_version" \
  "cargo install wasm-bindgen-cli --version $want_bindgen" "found: 0.2.100" \
  "!rustup target add"

new_machine broken-tool
touch "$home/wasm-target"
installed trunk "$trunk_version"
installed wasm-bindgen broken
extra_env='' run_step dev && status=0 || status=$?
check "a wasm-bindgen that fails to start: reinstalled" 0 "$status" \
  "cargo install wasm-bindgen-cli --version $want_bindgen" "!cargo install trunk"

new_machine all-right
touch "$home/wasm-target"
installed trunk "$trunk_version"
installed wasm-bindgen "$want_bindgen"
extra_env='' run_step dev && status=0 || status=$?
check "everything right: installs nothing" 0 "$status" "!cargo install" "!rustup target add"

# The test step also needs npm packages and Chromium; stand-ins record them.
test_machine() {
  new_machine "$1"
  touch "$home/wasm-target"
  installed trunk "$trunk_version"
  installed wasm-bindgen "$want_bindgen"
  printf '#!/usr/bin/env bash\necho "npm $*" >>"%s"; mkdir -p node_modules\n' "$log" >"$bin/npm"
  printf '#!/usr/bin/env bash\necho "apt-get $*" >>"%s"\n' "$log" >"$bin/apt-get"
  printf '#!/usr/bin/env bash\necho %s\n' "$2" >"$bin/id"
  chmod +x "$bin/npm" "$bin/apt-get" "$bin/id"
  touch "$checkout/package-lock.json"
}

test_machine test-as-root 0
extra_env="CHROMIUM=$scratch/none CHROMEDRIVER=$scratch/none" run_step test && status=0 || status=$?
check "test step as root: npm packages, then Chromium from Debian" 0 "$status" \
  "npm ci" "apt-get install -y -qq chromium chromium-driver"

test_machine test-as-user 1000
extra_env="CHROMIUM=$scratch/none CHROMEDRIVER=$scratch/none" run_step test && status=0 || status=$?
check "test step as a user: says what to install, and fails" 1 "$status" \
  "npm ci" "sudo apt-get install -y chromium chromium-driver" "!apt-get install -y -qq"

# A second run of the test step installs nothing.
: >"$log"
extra_env="CHROMIUM=/bin/true CHROMEDRIVER=/bin/true" run_step test && status=0 || status=$?
check "test step again, with Chromium present: installs nothing" 0 "$status" "!npm ci" "!apt-get"

# Both README commands go through the same step.
serve_plan=$(make -s -n -C "$project" serve)
build_plan=$(make -s -n -C "$project" test)
: >"$log"
echo "$serve_plan" >"$log.out"
check "make serve runs the install step first" 0 0 "build/install-tools.sh dev"
echo "$build_plan" >"$log.out"
check "make test runs the install step first" 0 0 "build/install-tools.sh test"

if [ "$failures" -gt 0 ]; then
  echo "fresh-machine: $failures case(s) failed" >&2
  exit 1
fi
echo "fresh-machine: all cases passed"
