/**
 * Column alignment the way Go's text/tabwriter does it, for the reports pprof prints through a
 * tabwriter (-tags). Text is cut into lines and lines into cells at '\t'; a cell ended by a tab
 * belongs to a column, the text after a line's last tab does not. A column block is a run of
 * consecutive lines that all have a cell in that column; its width is the widest cell plus the
 * padding, and blocks are found again inside each block for the next column (so a line with fewer
 * cells ends the blocks of the columns it lacks). Cells are padded with padChar, on the left when
 * alignRight. Widths count code points.
 */

export interface TabwriterOptions {
  minWidth: number;
  padding: number;
  padChar: string;
  alignRight: boolean;
}

/** Aligns text (lines ending in '\n') as tabwriter.NewWriter(w, minWidth, 0, padding, padChar, flags) would. */
export function tabwriterFormat(text: string, o: TabwriterOptions): string {
  const rawLines = text.split("\n");
  const trailingNewline = text.endsWith("\n");
  if (trailingNewline) rawLines.pop();
  const lines = rawLines.map((l) => l.split("\t"));
  const width = (s: string): number => [...s].length;
  const widths: number[] = [];
  const out: string[] = [];

  const writeLines = (line0: number, line1: number): void => {
    for (let i = line0; i < line1; i++) {
      const cells = lines[i];
      let s = "";
      for (let j = 0; j < cells.length; j++) {
        const c = cells[j];
        if (j < widths.length && j < cells.length - 1) {
          const pad = o.padChar.repeat(Math.max(0, widths[j] - width(c)));
          s += o.alignRight ? pad + c : c + pad;
        } else s += c;
      }
      out.push(s);
    }
  };

  const format = (line0: number, line1: number): void => {
    const column = widths.length;
    for (let cur = line0; cur < line1; cur++) {
      if (column >= lines[cur].length - 1) continue;
      writeLines(line0, cur);
      line0 = cur;
      let w = o.minWidth;
      for (; cur < line1; cur++) {
        const cells = lines[cur];
        if (column >= cells.length - 1) break;
        w = Math.max(w, width(cells[column]) + o.padding);
      }
      widths.push(w);
      format(line0, cur);
      widths.pop();
      line0 = cur;
      cur--;
    }
    writeLines(line0, line1);
  };
  format(0, lines.length);
  return out.join("\n") + (trailingNewline ? "\n" : "");
}
