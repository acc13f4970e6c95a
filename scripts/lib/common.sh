# shellcheck shell=bash
# Shared helpers for the scripts in scripts/. Source this file; it defines
# DRILLSIM_ROOT (the repository root, exported) and the functions below.

DRILLSIM_ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd -P)"
export DRILLSIM_ROOT

die() {
  printf 'error: %s\n' "$*" >&2
  exit 1
}

note() { printf '%s\n' "$*" >&2; }

# section TITLE: a visible header for long-running scripts.
section() { printf '\n==> %s\n' "$*"; }

# quietly LOG CMD...: run CMD with its output sent to LOG; on failure show
# the end of LOG and return CMD's status.
quietly() {
  local log="$1" status=0
  shift
  mkdir -p "$(dirname "$log")"
  "$@" >"$log" 2>&1 || status=$?
  if [ "$status" -ne 0 ]; then
    note "error: '$*' failed (exit $status); last lines of $log:"
    tail -n 60 "$log" >&2
  fi
  return "$status"
}

# apt_install WHAT PACKAGE...: installs Debian packages for WHAT (a phrase
# for messages), with sudo when not root; dies with the command to run by
# hand when apt-get or root is not to be had. The apt log is shown on failure.
apt_install() {
  local what="$1"
  shift
  command -v apt-get >/dev/null 2>&1 \
    || die "$what not found and apt-get is not available; install $* by hand"
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 \
      || die "$what is missing and installing it needs root; run as root: apt-get install $*"
    sudo=(sudo)
  fi
  note "setup: installing $* with apt-get..."
  local log
  log="$(mktemp -t drillsim-apt.XXXXXX)"
  quietly "$log" "${sudo[@]}" apt-get update || die "apt-get update failed"
  quietly "$log" "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -q "$@" || die "apt-get install $* failed"
  rm -f "$log"
}

ensure_lua() {
  if command -v pkg-config >/dev/null 2>&1 && pkg-config --exists lua5.4; then
    return 0
  fi
  apt_install "Lua 5.4 headers (pkg-config lua5.4)" liblua5.4-dev pkg-config
  pkg-config --exists lua5.4 || die "liblua5.4-dev is installed but 'pkg-config --exists lua5.4' still fails"
}

# ensure_sqlite: the SQLite headers GRDB (the sweep store) compiles against.
ensure_sqlite() {
  if [ -r /usr/include/sqlite3.h ] || { command -v pkg-config >/dev/null 2>&1 && pkg-config --exists sqlite3; }; then
    return 0
  fi
  apt_install "SQLite 3 headers (sqlite3.h)" libsqlite3-dev
}

ensure_swift() {
  if ! command -v swift >/dev/null 2>&1 && [ -x /opt/swift/usr/bin/swift ]; then
    PATH="/opt/swift/usr/bin:$PATH"
    export PATH
  fi
  command -v swift >/dev/null 2>&1 \
    || die "'swift' not found on PATH; install the Swift 6 toolchain and add its usr/bin to PATH"
}

# ensure_chromium: headless Chromium for the replay viewer's end-to-end test
# (Debian package chromium). Installs it only as root; otherwise says how, and
# the test skips with a message.
ensure_chromium() {
  local name
  for name in chromium chromium-browser google-chrome; do
    command -v "$name" >/dev/null 2>&1 && return 0
  done
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    note "setup: Chromium is missing; the replay viewer test will skip (as root: apt-get install chromium)"
    return 0
  fi
  apt_install "Chromium (for the replay viewer test)" chromium
}

# ensure_valgrind: valgrind for the instruction-count gate
# (scripts/bench-callgrind). Installs it with apt-get when it can (root or
# sudo); otherwise says why and returns 1, and the caller skips the gate.
ensure_valgrind() {
  command -v valgrind >/dev/null 2>&1 && return 0
  if ! command -v apt-get >/dev/null 2>&1 \
    || { [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null 2>&1; }; then
    note "setup: valgrind is missing and cannot be installed here (as root: apt-get install valgrind)"
    return 1
  fi
  # In a subshell: apt_install dies on failure, and a missing valgrind
  # should skip the gate, not end the caller.
  (apt_install "valgrind (for scripts/bench-callgrind)" valgrind) || return 1
  command -v valgrind >/dev/null 2>&1
}

# ensure_deps: idempotent, silent when everything is present.
ensure_deps() {
  ensure_swift
  ensure_lua
  ensure_sqlite
}
