import { Command } from "@oclif/core";
import { versionString } from "../services/version.js";

/** `gort version`: prints gort's version and the Go language version it implements. */
export default class Version extends Command {
  static override description = "print gort's version";

  async run(): Promise<void> {
    this.log(versionString());
  }
}
