#!/usr/bin/env bash
# Installs code-server (VS Code's server build) from the npm registry into a cache outside the
# repository and prints its directory. Reused when already complete: a marker written as the
# last step tells a finished install from one that was interrupted.
#
# `npm install code-server` cannot work offline-from-the-internet machines: its postinstall
# downloads ripgrep and builds kerberos against gssapi headers. So the package is unpacked by
# hand, installed without scripts, ripgrep comes from Debian, and only the native modules are
# rebuilt. Needs: node 20, npm, and the Debian packages libkrb5-dev and ripgrep.
set -euo pipefail

version="${CODE_SERVER_VERSION:-4.100.3}"
cache="${MALLOCSCOPE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/mallocscope}"
dir="$cache/code-server-$version"
marker="$dir/.mallocscope-ready"

if [ -f "$marker" ]; then
  echo "$dir"
  exit 0
fi

log() { echo "code-server.sh: $*" >&2; }

# Debian packages the build needs; installed here when running as root (CI, containers).
missing=()
command -v rg >/dev/null || missing+=(ripgrep)
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
command -v g++ >/dev/null || missing+=(g++)
command -v make >/dev/null || missing+=(make)
command -v python3 >/dev/null || missing+=(python3)
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    log "missing Debian packages; run: sudo apt-get install -y ${missing[*]}"
    exit 1
  fi
  log "installing Debian packages: ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi
rm -rf "$dir" "$dir.tmp"
mkdir -p "$dir.tmp"
cd "$dir.tmp"
log "fetching code-server@$version"
npm pack --silent "code-server@$version" >/dev/null
tar -xzf "code-server-$version.tgz"
rm "code-server-$version.tgz"
cd package
log "installing runtime dependencies (no scripts)"
npm install --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error >&2
(cd lib/vscode && npm install --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error >&2)
mkdir -p lib/vscode/node_modules/@vscode/ripgrep/bin
cp "$(command -v rg)" lib/vscode/node_modules/@vscode/ripgrep/bin/rg
log "rebuilding native modules"
# argon2 (the root package's only native module) has no prebuilt binary reachable here and
# builds from source; the package's own postinstall must not run, so name it alone.
npm_config_yes=true npm rebuild argon2 --loglevel=error >&2
(cd lib/vscode && npm_config_yes=true npm rebuild --loglevel=error >&2)
ln -sfn node_modules lib/vscode/node_modules.asar
cd "$cache"
mv "$dir.tmp/package" "$dir"
rm -rf "$dir.tmp"
date -u +%FT%TZ > "$marker"
log "installed in $dir"
echo "$dir"
