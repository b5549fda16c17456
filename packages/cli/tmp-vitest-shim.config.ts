import { defineConfig } from "vitest/config";
export default defineConfig({
  root: "/work/main",
  resolve: { alias: { "@gort/compiler": "/tmp/gortshim/compiler-index.ts" } },
  test: { include: ["packages/cli/src/**/*.test.ts"], pool: "forks" },
});
