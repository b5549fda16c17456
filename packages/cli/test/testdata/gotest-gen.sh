#!/bin/sh
# Regenerates the expected `go test` outputs of the gotest/ module with Go 1.19 (GOMAXPROCS=1),
# times normalised: "(0.00s)" in result lines, "N.NNNs" in ok/FAIL lines. Each case is
# "directory|arguments" (gotest.test.ts reads the same list from cases.txt).
set -e
cd "$(dirname "$0")"
GO=${GO:-/usr/lib/go-1.19/bin/go}
mkdir -p gotest.golden
gold=$(pwd)/gotest.golden
n=0
while IFS='|' read -r dir args; do
  [ -z "$dir" ] && continue
  n=$((n+1))
  ( cd "gotest/$dir" && set +e; GOMAXPROCS=1 GOFLAGS=-count=1 $GO test $args > "$gold/$n.out" 2>&1; echo $? > "$gold/$n.exit" )
  sed -i -E 's/\(([0-9]+\.[0-9]+)s\)/(0.00s)/; s/\t[0-9]+\.[0-9]+s$/\tN.NNNs/' "gotest.golden/$n.out"
done < gotest.cases.txt
