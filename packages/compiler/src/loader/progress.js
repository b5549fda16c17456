/**
 * A progress line for long loads: after about a second, one line on stderr, rewritten in place,
 * and only when stderr is a terminal (so logs and pipes never see it).
 */
/** How long loading runs silently before a progress line appears; shorter work stays quiet. */
const PROGRESS_DELAY_MS = 1000;
/** Minimum time between redraws, so a fast stream of packages does not flood the terminal. */
const PROGRESS_INTERVAL_MS = 100;
export class Progress {
    stream;
    now;
    enabled;
    start;
    lastDraw = 0;
    shown = false;
    constructor(enabled, stream = process.stderr, now = Date.now) {
        this.stream = stream;
        this.now = now;
        this.enabled = enabled && stream.isTTY === true;
        this.start = now();
    }
    /** Reports what is happening now; draws only past the delay and interval. */
    update(msg) {
        if (!this.enabled)
            return;
        const now = this.now();
        if (now - this.start < PROGRESS_DELAY_MS || now - this.lastDraw < PROGRESS_INTERVAL_MS)
            return;
        this.lastDraw = now;
        const cols = this.stream.columns !== undefined && this.stream.columns > 0 ? this.stream.columns : 80;
        const line = `gort: ${msg}`.slice(0, Math.max(10, cols - 1));
        this.stream.write(`\r\x1b[K${line}`);
        this.shown = true;
    }
    /** Erases the progress line if one was drawn. */
    clear() {
        if (this.shown)
            this.stream.write("\r\x1b[K");
        this.shown = false;
    }
}
