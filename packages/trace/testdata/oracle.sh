#!/bin/sh
# Records Go 1.19's own view of trace files, the oracles the tests compare gort trace with:
#   X.d.gz           `go tool trace -d X.trace`, gzipped: Go's parse, one event per line
#                    "TS TYPE p=P g=G off=OFF arg=value..." (parser.test.ts)
#   X.mmu.json       the MMU curve Go's trace viewer computes (GET /mmuPlot?flags=stw|background|
#                    assist on `go tool trace -http`): {"curve": [[window ns, mmu], ...]} (mmu.test.ts)
#   X.goroutines.txt the goroutine analysis pages of the same server, one goroutine a line:
#                    "gid total exec netwait syncblock syscall schedwait sweep gcpause" as Go
#                    prints them (goroutines-page.py; goroutines.test.ts)
# Usage: ./oracle.sh X.trace...   Needs /usr/lib/go-1.19 (or $GO), curl and python3.
set -e
GO=${GO:-/usr/lib/go-1.19/bin/go}
here=$(cd "$(dirname "$0")" && pwd)
for t in "$@"; do
  n=${t%.trace}
  "$GO" tool trace -d "$t" 2>/tmp/oracle.$$.err | gzip -9n >"$n.d.gz"
  port=$((18700 + $$ % 200))
  "$GO" tool trace -http=127.0.0.1:$port "$t" >/tmp/oracle.$$.http 2>&1 &
  pid=$!
  for i in 1 2 3 4 5 6 7 8 9 10; do
    sleep 1
    if curl -sf "http://127.0.0.1:$port/mmuPlot?flags=stw|background|assist" >"$n.mmu.json"; then break; fi
  done
  "$here/goroutines-page.py" 127.0.0.1:$port >"$n.goroutines.txt"
  kill $pid
  rm -f /tmp/oracle.$$.err /tmp/oracle.$$.http
  echo "$t: $(wc -c <"$t") bytes, $(gzip -dc "$n.d.gz" | wc -l) events, $(wc -l <"$n.goroutines.txt") goroutines"
done
