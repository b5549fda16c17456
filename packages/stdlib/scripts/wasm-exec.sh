#!/bin/sh
# Runs a GOOS=js GOARCH=wasm test binary under Node for check.mjs (used as
# `go run -exec`). Go 1.19's wasm_exec_node.js assigns globalThis.crypto,
# which Node 20 makes read-only; wasm-fix.cjs makes it assignable first.
here=$(dirname "$0")
exec node --require "$here/wasm-fix.cjs" /usr/lib/go-1.19/misc/wasm/wasm_exec_node.js "$@"
