#!/usr/bin/env bash
# The whole test suite: bootstrap, type-check every package, unit and end-to-end tests, then the
# conformance runs against Go 1.19's sources (GOROOT defaults to Debian's /usr/lib/go-1.19).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
bash scripts/bootstrap.sh
export PATH="$root/.tools/node_modules/.bin:$PATH"
pnpm -s vitest run
