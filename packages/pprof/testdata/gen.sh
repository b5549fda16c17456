#!/bin/bash
# Regenerates the `go tool pprof` outputs the tests compare with (expected/, listed in cases.txt)
# and, with the argument "profiles", first rebuilds and reruns the Go 1.19 programs in src/ that
# write the .pprof files (every figure changes then: commit the .pprof and expected/ together).
# Run from this directory. Never point Go's -o at /dev/null.
set -e
GO=${GO:-/usr/lib/go-1.19/bin/go}
export TZ=UTC
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [ "$1" = profiles ]; then
  for p in cpu heap labels blockmutex mixed goroutines recursive; do
    (cd src/$p && GO111MODULE=off GOCACHE=$tmp/cache $GO build -o "$tmp/$p" .)
  done
  "$tmp/cpu" cpu.pprof
  "$tmp/heap" heap.pprof
  "$tmp/labels" labels.pprof
  "$tmp/blockmutex" .
  "$tmp/mixed" mixed.pprof
  "$tmp/goroutines" .
  "$tmp/recursive" recursive.pprof
fi
mkdir -p expected
rm -f expected/*.txt expected/*.err
grep -v '^#' cases.txt | while IFS=$'\t' read -r out args; do
  [ -z "$out" ] && continue
  # shellcheck disable=SC2086
  $GO tool pprof $args > "expected/$out" 2> "$tmp/err" || { echo "go tool pprof $args:"; cat "$tmp/err"; exit 1; }
  # pprof's warnings (stderr), compared too when there are any
  if [ -s "$tmp/err" ]; then cp "$tmp/err" "expected/$out.err"; fi
done
# an interactive session (stdout and stderr together, in order)
$GO tool pprof cpu.pprof < session.txt > expected/cpu.session.txt 2>&1
