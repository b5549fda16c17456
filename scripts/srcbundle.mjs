// Bundling gort straight from its TypeScript sources with esbuild, shared by the dev runner
// (dev-gort.mjs), the conformance runner, generics-measure.mjs and tests that need built-speed
// code without a build. esbuild inlines `const enum Op` when bundling, so such bundles run the VM
// at built speed; no dist/ is read, so they are safe while sources are mid-edit elsewhere.
import { createRequire } from "node:module";
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository's root directory. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** esbuild, which the workspace root installs (it is no package's dependency). */
export function findEsbuild() {
  const pnpm = path.join(repoRoot, "node_modules/.pnpm");
  const dir = fs.existsSync(pnpm) ? fs.readdirSync(pnpm).filter((d) => d.startsWith("esbuild@")).sort().pop() : undefined;
  if (dir === undefined) throw new Error("esbuild not found under node_modules/.pnpm (run pnpm install)");
  return createRequire(import.meta.url)(path.join(pnpm, dir, "node_modules/esbuild"));
}

/** The path of a package's source file: srcPath("cli", "services/run.ts"). */
export function srcPath(pkg, file) {
  return path.join(repoRoot, "packages", pkg, "src", file);
}

/** esbuild options every source bundle shares: Node 20 ESM, each @gort/* package from its sources. */
export function sourceBundleOptions() {
  return {
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    logLevel: "error",
    alias: {
      "@gort/runtime/image": srcPath("runtime", "image/index.ts"),
      "@gort/compiler": srcPath("compiler", "index.ts"),
      "@gort/runtime": srcPath("runtime", "index.ts"),
      "@gort/stdlib": srcPath("stdlib", "index.ts"),
      "@gort/pprof": srcPath("pprof", "index.ts"),
      "@gort/trace": srcPath("trace", "index.ts"),
    },
  };
}

/**
 * Bundles a module that re-exports `exports` ({ name: [pkg, file] }) into `outfile`:
 * bundleExports("/tmp/x.mjs", { runRun: ["cli", "services/run.ts"] }).
 */
export function bundleExports(outfile, exports) {
  const contents = Object.entries(exports)
    .map(([name, [pkg, file]]) => `export { ${name} } from ${JSON.stringify(srcPath(pkg, file))};\n`)
    .join("");
  findEsbuild().buildSync({ ...sourceBundleOptions(), stdin: { contents, resolveDir: repoRoot, loader: "ts" }, outfile });
  return outfile;
}
