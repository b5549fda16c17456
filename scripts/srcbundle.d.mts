// Types for srcbundle.mjs (imported by TypeScript tests).
export declare const repoRoot: string;
export declare function findEsbuild(): { buildSync(options: object): unknown };
export declare function srcPath(pkg: string, file: string): string;
export declare function sourceBundleOptions(): {
  bundle: boolean;
  platform: string;
  format: string;
  target: string;
  logLevel: string;
  alias: Record<string, string>;
};
export declare function bundleExports(outfile: string, exports: Record<string, [string, string]>): string;
