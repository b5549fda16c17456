/**
 * @gort/compiler — gort's Go front end (and, later, lowering and code generation).
 *
 * Public surface: the syntax layer (scanner, parser, AST, positions), exact constants, the type
 * checker and the package loader. Namespaces keep their names apart (`types.Package` is a
 * checked package, `LoadedPackage` the loader's record of one).
 */
export * from "./syntax/index.js";
export * as constant from "./constant/index.js";
export * as types from "./types/index.js";
export * from "./loader/index.js";
export { compileProgram, compileStats, type CompileOptions, type CompileResult, type CompileStats } from "./codegen/index.js";
