import { afterEach, describe, expect, test } from "vitest";
import { listenSignals, setSignalBridge, SignalState, SIGNAL_BRIDGE_WORDS, W_ACK, W_IGNORE, W_PCOUNT, W_PENDING, W_SEQ, W_WANT } from "./signal.js";

const SIGUSR2 = 12;
const SIGHUP = 1;

/** Publishes masks as the runtime does (without its blocking wait) and waits for the main thread's ack. */
async function configure(w: Int32Array, want: number, ignore: number): Promise<void> {
  Atomics.store(w, W_WANT, want);
  Atomics.store(w, W_IGNORE, ignore);
  const seq = Atomics.add(w, W_SEQ, 1) + 1;
  Atomics.notify(w, W_SEQ);
  for (let i = 0; i < 200 && Atomics.load(w, W_ACK) !== seq; i++) await new Promise((r) => setTimeout(r, 5));
  expect(Atomics.load(w, W_ACK)).toBe(seq);
}

const tick = (ms = 20) => new Promise((r) => setTimeout(r, ms));

describe("signal bridge (main-thread listener)", () => {
  let stop: (() => void) | null = null;
  afterEach(() => {
    stop?.();
    stop = null;
    setSignalBridge(null);
  });

  test("a wanted signal is recorded as pending and counted; the handler goes away when unwanted", async () => {
    const sab = new SharedArrayBuffer(SIGNAL_BRIDGE_WORDS * 4);
    const w = new Int32Array(sab);
    stop = listenSignals(sab);
    const before = process.listenerCount("SIGUSR2");
    await configure(w, 1 << SIGUSR2, 0);
    expect(process.listenerCount("SIGUSR2")).toBe(before + 1);
    process.kill(process.pid, "SIGUSR2");
    await tick();
    expect(Atomics.load(w, W_PENDING)).toBe(1 << SIGUSR2);
    expect(Atomics.load(w, W_PCOUNT)).toBe(1);

    // the runtime's side takes it from the bridge
    setSignalBridge(sab);
    const st = new SignalState();
    st.want = 1 << SIGUSR2;
    expect(st.drain()).toBe(true);
    expect(st.take()).toBe(SIGUSR2);
    expect(st.take()).toBe(0);
    expect(Atomics.load(w, W_PENDING)).toBe(0);

    await configure(w, 0, 0);
    expect(process.listenerCount("SIGUSR2")).toBe(before);
  });

  test("an ignored signal is swallowed: handler installed, nothing pending", async () => {
    const sab = new SharedArrayBuffer(SIGNAL_BRIDGE_WORDS * 4);
    const w = new Int32Array(sab);
    stop = listenSignals(sab);
    await configure(w, 0, 1 << SIGHUP);
    process.kill(process.pid, "SIGHUP");
    await tick();
    expect(Atomics.load(w, W_PENDING)).toBe(0);
    expect(Atomics.load(w, W_PCOUNT)).toBe(0);
  });
});

describe("SignalState without a bridge (in-process runs)", () => {
  test("masks, Ignored, queue order", () => {
    const st = new SignalState();
    st.enable(2);
    st.enable(15);
    expect(st.want).toBe((1 << 2) | (1 << 15));
    st.ignoreSig(15);
    expect(st.ignored(15)).toBe(true);
    expect(st.ignored(2)).toBe(false);
    expect(st.want).toBe(1 << 2);
    st.enable(15); // Notify after Ignore catches it again
    expect(st.ignored(15)).toBe(false);
    st.queued = (1 << 15) | (1 << 2);
    expect(st.drain()).toBe(true);
    expect([st.take(), st.take(), st.take()]).toEqual([2, 15, 0]);
    st.disable(2);
    expect(st.want).toBe(1 << 15);
  });
});
