import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

const src = (pkg: string, file: string) => fileURLToPath(new URL(`./packages/${pkg}/src/${file}`, import.meta.url));

export default defineConfig({
  resolve: {
    // Tests run the TypeScript sources directly. Exact-match entries: "@gort/runtime" must not
    // also rewrite the "@gort/runtime/image" subpath.
    alias: [
      { find: /^@gort\/runtime\/image$/, replacement: src("runtime", "image/index.ts") },
      { find: /^@gort\/compiler$/, replacement: src("compiler", "index.ts") },
      { find: /^@gort\/runtime$/, replacement: src("runtime", "index.ts") },
      { find: /^@gort\/stdlib$/, replacement: src("stdlib", "index.ts") },
      { find: /^@gort\/pprof$/, replacement: src("pprof", "index.ts") },
      { find: /^@gort\/trace$/, replacement: src("trace", "index.ts") },
    ],
  },
  test: {
    include: ["packages/*/src/**/*.test.ts", "packages/*/test/**/*.test.ts"],
    testTimeout: 120_000,
    pool: "forks",
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
  },
});
