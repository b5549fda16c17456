/**
 * @gort/runtime/image — the program image format shared by the compiler (which writes images)
 * and the runtime (which loads them). Imports nothing else of gort's.
 */
export * from "./format.js";
export * from "./opcodes.js";
export { encodeImage, decodeImage, validateImage } from "./serialize.js";
