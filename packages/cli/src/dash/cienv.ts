/**
 * cienv.ts — ink decides once, as it loads, whether it runs under CI (the CI and
 * CONTINUOUS_INTEGRATION variables) and there draws only the final frame. The dashboard is
 * mounted only on a terminal, where live frames are the whole point, so mount.ts imports this
 * module before ink: it hides those variables while ink loads, and restoreCiEnv puts them back
 * before anything else runs (the Go program still sees its whole environment).
 */
const HIDDEN = ["CI", "CONTINUOUS_INTEGRATION"] as const;
const saved = new Map<string, string>();
for (const k of HIDDEN) {
  const v = process.env[k];
  if (v !== undefined) {
    saved.set(k, v);
    delete process.env[k];
  }
}

/** Puts back what this module hid; mount.ts calls it once its imports (ink among them) have loaded. */
export function restoreCiEnv(): void {
  for (const [k, v] of saved) process.env[k] = v;
  saved.clear();
}
