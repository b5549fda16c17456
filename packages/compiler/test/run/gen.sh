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
  set +e
  case "$f" in
  js_*)
    # syscall/js programs: Go runs them only as js/wasm, under Node with Go's wasm_exec_node.js
    # (wasm-fix.cjs: Node 20's read-only globalThis.crypto)
    GOOS=js GOARCH=wasm "$GO" build -o "$bin" "$f" || exit 1
    node --require ../../../stdlib/scripts/wasm-fix.cjs "$("$GO" env GOROOT)/misc/wasm/wasm_exec_node.js" "$bin" > "$b.out" 2> "$b.err"
    ;;
  *)
    "$GO" build -o "$bin" "$f" || exit 1
    "$bin" > "$b.out" 2> "$b.err"
    ;;
  esac
  echo $? > "$b.exit"
  sed -i "s#$(pwd)#\$DIR#g" "$b.err"
  # runtime frames (panic(…) at $GOROOT/src/runtime/panic.go): gort prints $GOROOT unless set
  sed -i "s#$("$GO" env GOROOT)/#\$GOROOT/#g" "$b.err"
  set -e
done
rm -f "$bin"
