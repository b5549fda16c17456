// Preload for wasm-exec.sh: let Go 1.19's wasm_exec_node.js replace
// globalThis.crypto, a getter-only property on Node 20.
const current = globalThis.crypto;
Object.defineProperty(globalThis, "crypto", { value: current, writable: true, configurable: true });
