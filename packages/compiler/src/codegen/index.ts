export { compileProgram, compileStats, initOrderPackages, type CompileOptions, type CompileResult, type CompileStats } from "./compile.js";
export { buildImage, ConstPool, type ImageParts } from "./emit.js";
export { Statics } from "./statics.js";
export { TypeTable, goTypeString, kindOf, pointerWords } from "./typedesc.js";
