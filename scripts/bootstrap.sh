#!/usr/bin/env bash
# Makes this checkout ready to run: pnpm (through npm when missing), dependencies, and a build of
# every package when any source is newer than its build. Quiet when there is nothing to do.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
if ! command -v pnpm >/dev/null 2>&1; then
  echo "gort: installing pnpm (first run)..." >&2
  npm install -g pnpm@9.15.9 >/dev/null 2>&1 || npm install --prefix "$root/.tools" pnpm@9.15.9 >/dev/null
  export PATH="$root/.tools/node_modules/.bin:$PATH"
fi
if [ ! -d node_modules ] || [ pnpm-lock.yaml -nt node_modules/.modules.yaml ]; then
  echo "gort: installing dependencies (first run)..." >&2
  pnpm install --frozen-lockfile >&2
fi
stamp=.turbo/gort-build-stamp
if [ ! -f "$stamp" ] || [ -n "$(find packages/*/src packages/*/package.json packages/*/tsconfig.json tsconfig.base.json -newer "$stamp" -print -quit 2>/dev/null)" ]; then
  echo "gort: building..." >&2
  if ! out=$(TURBO_TELEMETRY_DISABLED=1 TURBO_NO_UPDATE_NOTIFIER=1 pnpm -s turbo run build --output-logs=errors-only 2>&1); then echo "$out" >&2; exit 1; fi
  mkdir -p .turbo && touch "$stamp"
fi
