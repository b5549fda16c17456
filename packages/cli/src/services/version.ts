import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** The line `gort version` prints, shaped like `go version`'s. */
export function versionString(): string {
  const pkg = require("../../package.json") as { version: string };
  return `gort version v${pkg.version} (go1.19 language) ${process.platform}/${process.arch === "x64" ? "amd64" : process.arch}`;
}
