import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

const pkg = (name: string) => fileURLToPath(new URL(`./packages/${name}/src/index.ts`, import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      "@gort/compiler": pkg("compiler"),
      "@gort/runtime": pkg("runtime"),
      "@gort/stdlib": pkg("stdlib"),
      "@gort/pprof": pkg("pprof"),
      "@gort/trace": pkg("trace"),
    },
  },
  test: {
    include: ["packages/*/src/**/*.test.ts", "packages/*/test/**/*.test.ts"],
    testTimeout: 120_000,
    pool: "forks",
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
  },
});
