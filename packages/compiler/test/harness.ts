/**
 * Shared helpers of the conformance tests: where Go 1.19's tree is, and the known-failure lists.
 */
import * as fs from "node:fs";
import * as path from "node:path";

/**
 * GOROOT for the conformance runs: $GOROOT_FOR_TESTS (set by .ci/run), else $GOROOT, else
 * Debian's Go 1.19. Throws when the tree is missing: never a silent skip.
 */
export function requireGoroot(): string {
  const env = process.env;
  const goroot = env.GOROOT_FOR_TESTS || env.GOROOT || "/usr/lib/go-1.19";
  if (!fs.existsSync(path.join(goroot, "src", "runtime")) || !fs.existsSync(path.join(goroot, "test"))) {
    throw new Error(
      `Go 1.19 source tree not found at ${goroot} (need ${goroot}/src and ${goroot}/test): ` +
        "install it with `apt-get install golang-1.19-src golang-1.19-go` or set GOROOT",
    );
  }
  return goroot;
}
