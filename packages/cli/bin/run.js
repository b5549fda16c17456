#!/usr/bin/env node
// Entry point of the `gort` command: hands argv to oclif, which loads commands from dist/commands.
// `gort run …` (except `gort run --help`) goes straight to the run service: oclif's own startup
// (~250 ms) would otherwise dominate the start of a cached program (services/runfast.ts).
const argv = process.argv.slice(2);
if (argv[0] === "run" && argv[1] !== "--help" && argv[1] !== "-h") {
  const { runCommand } = await import("../dist/services/runfast.js");
  process.exitCode = await runCommand(argv.slice(1));
} else {
  const { execute } = await import("@oclif/core");
  await execute({ dir: import.meta.url });
}
