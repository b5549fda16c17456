/**
 * Event types of Go 1.19's execution trace format (trace version 1019) and what each carries.
 *
 * Numbers, names and argument lists follow the format notes in
 * /work/shared/reference/trace-format-1.19.md §4 (written from Go's src/runtime/trace.go and
 * checked against real traces). Names are the ones `go tool trace -d` prints, so our dump of a
 * trace can be compared line by line with Go's.
 *
 * Wire layout of one ordinary event (after the 16-byte file header):
 *
 *   ┌──────────────┬───────────┬─────────────┬─────────────────┬────────────┐
 *   │ type | n<<6  │ [length]  │ Δticks      │ args...         │ [stack id] │
 *   │ 1 byte       │ if n == 3 │ varint      │ varints         │ varint     │
 *   └──────────────┴───────────┴─────────────┴─────────────────┴────────────┘
 *
 * n < 3: n+1 varints follow (the timestamp delta counts as one); n == 3: a varint byte length,
 * then that many bytes of varints. Batch, Frequency and TimerGoroutine have no delta.
 */

export const Ev = {
  None: 0,
  Batch: 1,
  Frequency: 2,
  Stack: 3,
  Gomaxprocs: 4,
  ProcStart: 5,
  ProcStop: 6,
  GCStart: 7,
  GCDone: 8,
  GCSTWStart: 9,
  GCSTWDone: 10,
  GCSweepStart: 11,
  GCSweepDone: 12,
  GoCreate: 13,
  GoStart: 14,
  GoEnd: 15,
  GoStop: 16,
  GoSched: 17,
  GoPreempt: 18,
  GoSleep: 19,
  GoBlock: 20,
  GoUnblock: 21,
  GoBlockSend: 22,
  GoBlockRecv: 23,
  GoBlockSelect: 24,
  GoBlockSync: 25,
  GoBlockCond: 26,
  GoBlockNet: 27,
  GoSysCall: 28,
  GoSysExit: 29,
  GoSysBlock: 30,
  GoWaiting: 31,
  GoInSyscall: 32,
  HeapAlloc: 33,
  HeapGoal: 34,
  TimerGoroutine: 35,
  FutileWakeup: 36,
  String: 37,
  GoStartLocal: 38,
  GoUnblockLocal: 39,
  GoSysExitLocal: 40,
  GoStartLabel: 41,
  GoBlockGC: 42,
  GCMarkAssistStart: 43,
  GCMarkAssistDone: 44,
  UserTaskCreate: 45,
  UserTaskEnd: 46,
  UserRegion: 47,
  UserLog: 48,
  CPUSample: 49,
} as const;

/** Number of event types (ids 0..EvCount-1). */
export const EvCount = 50;

/** What an event type carries on the wire and how Go names its fields. */
export interface EventDesc {
  /** Name as `go tool trace -d` prints it. */
  name: string;
  /** Oldest trace version (1000*major+minor) in which the type exists. */
  minVersion: number;
  /** The last wire value is a stack id. */
  stack: boolean;
  /** Names of the numeric arguments after the timestamp (stack excluded). */
  args: readonly string[];
  /** Names of string arguments resolved by the parser (printed after args). */
  sargs: readonly string[];
}

function d(name: string, minVersion: number, stack: boolean, args: string[], sargs: string[] = []): EventDesc {
  return { name, minVersion, stack, args, sargs };
}

/** Descriptions indexed by event type. */
export const EVENT_DESCS: readonly EventDesc[] = [
  d("None", 1005, false, []),
  d("Batch", 1005, false, ["p", "ticks"]),
  d("Frequency", 1005, false, ["freq"]),
  d("Stack", 1005, false, ["id", "siz"]),
  d("Gomaxprocs", 1005, true, ["procs"]),
  d("ProcStart", 1005, false, ["thread"]),
  d("ProcStop", 1005, false, []),
  d("GCStart", 1005, true, ["seq"]),
  d("GCDone", 1005, false, []),
  d("GCSTWStart", 1005, false, ["kindid"], ["kind"]),
  d("GCSTWDone", 1005, false, []),
  d("GCSweepStart", 1005, true, []),
  d("GCSweepDone", 1005, false, ["swept", "reclaimed"]),
  d("GoCreate", 1005, true, ["g", "stack"]),
  d("GoStart", 1005, false, ["g", "seq"]),
  d("GoEnd", 1005, false, []),
  d("GoStop", 1005, true, []),
  d("GoSched", 1005, true, []),
  d("GoPreempt", 1005, true, []),
  d("GoSleep", 1005, true, []),
  d("GoBlock", 1005, true, []),
  d("GoUnblock", 1005, true, ["g", "seq"]),
  d("GoBlockSend", 1005, true, []),
  d("GoBlockRecv", 1005, true, []),
  d("GoBlockSelect", 1005, true, []),
  d("GoBlockSync", 1005, true, []),
  d("GoBlockCond", 1005, true, []),
  d("GoBlockNet", 1005, true, []),
  d("GoSysCall", 1005, true, []),
  d("GoSysExit", 1005, false, ["g", "seq", "ts"]),
  d("GoSysBlock", 1005, false, []),
  d("GoWaiting", 1005, false, ["g"]),
  d("GoInSyscall", 1005, false, ["g"]),
  d("HeapAlloc", 1005, false, ["mem"]),
  d("HeapGoal", 1005, false, ["mem"]),
  d("TimerGoroutine", 1005, false, ["g"]),
  d("FutileWakeup", 1005, false, []),
  d("String", 1007, false, []),
  d("GoStartLocal", 1007, false, ["g"]),
  d("GoUnblockLocal", 1007, true, ["g"]),
  d("GoSysExitLocal", 1007, false, ["g", "ts"]),
  d("GoStartLabel", 1008, false, ["g", "seq", "labelid"], ["label"]),
  d("GoBlockGC", 1008, true, []),
  d("GCMarkAssistStart", 1009, true, []),
  d("GCMarkAssistDone", 1009, false, []),
  d("UserTaskCreate", 1011, true, ["taskid", "pid", "typeid"], ["name"]),
  d("UserTaskEnd", 1011, true, ["taskid"]),
  d("UserRegion", 1011, true, ["taskid", "mode", "typeid"], ["name"]),
  d("UserLog", 1011, true, ["id", "keyid"], ["category", "message"]),
  d("CPUSample", 1019, true, ["ts", "p", "g"]),
];

/** Pseudo-P numbers Go's parser moves some events to (internal/trace FakeP family). */
export const TimerP = 1000001;
export const NetpollP = 1000002;
export const SyscallP = 1000003;
export const GCP = 1000004;
export const ProfileP = 1000005;

/** Trace versions this reader accepts: the ones whose layout equals 1.19's (1.11+ events). */
export const SUPPORTED_VERSIONS: readonly number[] = [1011, 1019];

/** Event types that end a goroutine's running span by blocking it (it becomes waiting). */
export function isBlockingType(t: number): boolean {
  switch (t) {
    case Ev.GoSleep:
    case Ev.GoBlock:
    case Ev.GoBlockSend:
    case Ev.GoBlockRecv:
    case Ev.GoBlockSelect:
    case Ev.GoBlockSync:
    case Ev.GoBlockCond:
    case Ev.GoBlockNet:
    case Ev.GoBlockGC:
    case Ev.GoSysBlock:
      return true;
  }
  return false;
}
