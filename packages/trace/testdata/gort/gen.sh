#!/bin/sh
# Regenerates the gort-written test traces with gort's own runtime (the dev runner, see
# .agents/PREAMBLE.md), then records Go 1.19's view of them with ../oracle.sh:
#   sample.trace       GOGC=20 gort run --trace sample.trace sample.go
#   annotations.trace  gort run annotations.go annotations.trace  (runtime/trace API)
set -e
cd "$(dirname "$0")"
dev="node ../../../../scripts/dev-gort.mjs"
out=$(mktemp)
GOGC=20 $dev run --trace sample.trace sample.go >"$out"
$dev run annotations.go annotations.trace >"$out"
rm -f "$out"
../oracle.sh sample.trace annotations.trace
