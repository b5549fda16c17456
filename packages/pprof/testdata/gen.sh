#!/bin/sh
# Regenerates the native Go 1.19 profiles and `go tool pprof` outputs the tests compare with.
# Usage: ./gen.sh [profiles]   (run from this directory; "profiles" also rebuilds and reruns the
# programs in src/, which changes every figure: commit the new .pprof and .txt files together)
set -e
GO=${GO:-/usr/lib/go-1.19/bin/go}
export TZ=UTC
tmp=$(mktemp -d)
if [ "$1" = profiles ]; then
  for p in cpu heap labels blockmutex mixed; do
    (cd src/$p && GO111MODULE=off GOCACHE=$tmp/cache $GO build -o "$tmp/$p" .)
  done
  "$tmp/cpu" cpu.pprof
  "$tmp/heap" heap.pprof
  "$tmp/labels" labels.pprof
  "$tmp/blockmutex" .
  "$tmp/mixed" mixed.pprof
fi
pp() { out=$1; shift; $GO tool pprof "$@" > "expected/$out" 2> "$tmp/err" || { cat "$tmp/err"; exit 1; }; }
mkdir -p expected
for p in cpu heap mixed block mutex labels; do pp $p.top.txt -top $p.pprof; done
pp heap.alloc_space.top.txt -sample_index=alloc_space -top heap.pprof
pp heap.alloc_objects.top.txt -sample_index=alloc_objects -top heap.pprof
pp heap.inuse_objects.top.txt -sample_index=inuse_objects -top heap.pprof
pp mixed.nodecount.top.txt -nodecount=12 -top mixed.pprof
pp mixed.cum.top.txt -cum -top mixed.pprof
pp mixed.unit.top.txt -unit=ms -top mixed.pprof
pp mixed.focus.top.txt -focus=fillMap -top mixed.pprof
pp mixed.ignore.top.txt -ignore=runtime -top mixed.pprof
pp mixed.hide.top.txt -hide=runtime -top mixed.pprof
pp mixed.show.top.txt -show=main -top mixed.pprof
pp mixed.base.top.txt -base=cpu.pprof -top mixed.pprof
pp cpu.diff_base.top.txt -diff_base=labels.pprof -top cpu.pprof
pp mixed.tree.txt -tree mixed.pprof
pp cpu.tree.txt -tree cpu.pprof
pp mixed.peek.txt -peek=mallocgc mixed.pprof
pp labels.tags.txt -tags labels.pprof
pp heap.tags.txt -tags heap.pprof
pp labels.traces.txt -traces labels.pprof
pp heap.traces.txt -traces heap.pprof
pp cpu.list.txt -list=main.light cpu.pprof
pp mixed.list.txt -list=main.fillMap mixed.pprof
rm -rf "$tmp"
