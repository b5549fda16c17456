/**
 * mount.ts — puts the dashboard on a terminal and keeps it fresh; shared by `gort run --dash`
 * (services/dash.ts) and `gort top` (services/top.ts). Updates mark the view dirty; a 100 ms
 * timer redraws only when something changed, so a quiet program costs no terminal writes.
 */
import { restoreCiEnv } from "./cienv.js"; // first: ink must not see CI variables as it loads
import { createElement } from "react";
import { render } from "ink";
import type { DashModel } from "./model.js";
import { Dashboard } from "./panels.js";

restoreCiEnv();

/** The terminal the dashboard draws on. */
export interface DashTTY {
  columns: number;
  rows: number;
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
}

export interface MountedDashboard {
  /** Something the view shows changed: redraw at the next tick. */
  touch(): void;
  /** Draws the final picture, leaves the terminal and moves below the picture. */
  close(): Promise<void>;
}

export function mountDashboard(model: DashModel, tty: DashTTY, title: string, onKey: (k: string) => void): MountedDashboard {
  let dirty = true;
  const view = () => createElement(Dashboard, { model, columns: tty.columns, rows: tty.rows, title, onKey });
  const app = render(view(), { stdout: tty.stdout, stdin: tty.stdin, exitOnCtrlC: false, patchConsole: false });
  const timer = setInterval(() => {
    if (!dirty) return;
    dirty = false;
    app.rerender(view());
  }, 100);
  return {
    touch: () => {
      dirty = true;
    },
    close: async () => {
      clearInterval(timer);
      app.rerender(view());
      app.unmount();
      await app.waitUntilExit().catch(() => {});
      tty.stdout.write("\n");
    },
  };
}
