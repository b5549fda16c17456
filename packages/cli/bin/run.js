#!/usr/bin/env node
// Entry point of the `gort` command: hands argv to oclif, which loads commands from dist/commands.
import { execute } from "@oclif/core";
await execute({ dir: import.meta.url });
