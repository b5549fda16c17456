#!/bin/sh
# Regenerates the expected results of the given programs (default: all *.go here) with real Go:
#   prog.out = stdout, prog.err = stderr, prog.exit = exit status.
# Compile-error tests (gort-only diagnostics) are hand-written: their .err starts with "# ".
set -e
cd "$(dirname "$0")"
GO=${GO:-/usr/lib/go-1.19/bin/go}
bin=$(mktemp /tmp/gort-run-golden.XXXXXX)
for f in ${@:-*.go}; do
  b=${f%.go}
  if [ -f "$b.err" ] && head -c 2 "$b.err" | grep -q '^# '; then continue; fi
  "$GO" build -o "$bin" "$f"
  set +e
  "$bin" > "$b.out" 2> "$b.err"
  echo $? > "$b.exit"
  sed -i "s#$(pwd)#\$DIR#g" "$b.err"
  # runtime frames (panic(…) at $GOROOT/src/runtime/panic.go): gort prints $GOROOT unless set
  sed -i "s#$("$GO" env GOROOT)/#\$GOROOT/#g" "$b.err"
  set -e
done
rm -f "$bin"
