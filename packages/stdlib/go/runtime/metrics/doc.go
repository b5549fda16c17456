// gort standard library: package runtime/metrics.

// Package metrics provides a stable interface to access implementation-defined
// metrics exported by the runtime: Go 1.19's 33 metrics with Go's names, kinds,
// units and descriptions, computed from gort's own counters
// (packages/runtime/src/metrics.ts; design in packages/runtime/src/METRICS.md).
package metrics
