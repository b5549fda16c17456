#!/bin/sh
# Regenerates the Go-written test traces: NAME.trace is written by the Go 1.19 program NAME.go
# (runtime/trace), then oracle.sh records Go's parse and analyses of it (NAME.d.gz,
# NAME.mmu.json, NAME.goroutines.txt). Traces are timing-dependent: regenerate a trace and its
# oracle files together, never one alone.
# Usage: ./gen.sh [NAME...]   (default: every *.go here). Needs /usr/lib/go-1.19 (or $GO).
set -e
GO=${GO:-/usr/lib/go-1.19/bin/go}
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
names=${*:-$(ls *.go | sed 's/\.go$//')}
for n in $names; do
  "$GO" build -o "$tmp/$n" "$n.go"
  "$tmp/$n" "$n.trace" >"$tmp/$n.stdout"
  ./oracle.sh "$n.trace"
done
