/**
 * The one error type the trace package throws for bad input. Its message is a single line saying
 * what is wrong and where (byte offsets in hex, as Go's parser prints them); the CLI prefixes the
 * file name and prints it as is, never with a JavaScript stack.
 */
export class TraceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TraceError";
  }
}

/** Formats a byte offset the way error messages show it. */
export function hexOff(off: number): string {
  return `0x${off.toString(16)}`;
}
