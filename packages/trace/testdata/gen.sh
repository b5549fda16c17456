#!/bin/sh
# Regenerates the Go-written test traces and their expected parses with Go 1.19:
#   NAME.trace      written by the Go program NAME.go (runtime/trace)
#   NAME.d.gz       `go tool trace -d NAME.trace`, gzipped: Go's own parse of it, one event per
#                   line "TS TYPE p=P g=G off=OFF arg=value...", the oracle parser.test.ts checks
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
  echo "$n: $(wc -c <"$n.trace") bytes, $(gzip -dc "$n.d.gz" | wc -l) events"
done
