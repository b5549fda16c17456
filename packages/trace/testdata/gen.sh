#!/bin/sh
# Regenerates the Go-written test traces and their expected parses with Go 1.19:
#   NAME.trace      written by the Go program NAME.go (runtime/trace)
#   NAME.d.gz       `go tool trace -d NAME.trace`, gzipped: Go's own parse of it, one event per
#                   line "TS TYPE p=P g=G off=OFF arg=value...", the oracle parser.test.ts checks
#   NAME.mmu.json   the MMU curve Go's trace viewer computes (GET /mmuPlot?flags=stw|background|
#                   assist on `go tool trace -http`): {"curve": [[window ns, mmu], ...]}, the
#                   oracle for mmu.test.ts
# Usage: ./gen.sh [NAME...]   (default: every *.go here). Needs /usr/lib/go-1.19 (or $GO).
# Traces are timing-dependent: regenerate .trace and .d.gz together, never one alone.
set -e
GO=${GO:-/usr/lib/go-1.19/bin/go}
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
names=${*:-$(ls *.go | sed 's/\.go$//')}
for n in $names; do
  "$GO" build -o "$tmp/$n" "$n.go"
  "$tmp/$n" "$n.trace" >"$tmp/$n.stdout"
  "$GO" tool trace -d "$n.trace" 2>"$tmp/$n.stderr" | gzip -9n >"$n.d.gz"
  port=$((18700 + $(date +%s) % 200))
  "$GO" tool trace -http=127.0.0.1:$port "$n.trace" >"$tmp/$n.http" 2>&1 &
  pid=$!
  for i in 1 2 3 4 5 6 7 8 9 10; do
    sleep 1
    if curl -sf "http://127.0.0.1:$port/mmuPlot?flags=stw|background|assist" >"$n.mmu.json"; then break; fi
  done
  kill $pid
  echo "$n: $(wc -c <"$n.trace") bytes, $(gzip -dc "$n.d.gz" | wc -l) events"
done
