import { randomBytes } from 'node:crypto';

/** UUIDv7 (RFC 9562): 48-bit Unix milliseconds, then random bits. Sorts by creation time. */
export function uuidv7(now = Date.now()): string {
  const bytes = randomBytes(16);
  let ms = now;
  for (let i = 5; i >= 0; i--) {
    bytes[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * UUIDv7s that strictly increase for one database: two written in the same millisecond (or after the clock
 * stepped back) still sort in the order they were written. The audit trail and the bundles' "entries since"
 * rely on it; a plain UUIDv7 orders such a pair by its random tail.
 */
export class UrutanId {
  constructor(private last = '') {}

  next(now = Date.now()): string {
    let id = uuidv7(now);
    if (id <= this.last) id = berikutnya(this.last);
    this.last = id;
    return id;
  }
}

/** The UUID right after this one (the random tail plus one). */
function berikutnya(id: string): string {
  const hex = (BigInt(`0x${id.replace(/-/g, '')}`) + 1n).toString(16).padStart(32, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Hybrid logical clock: "2025-11-05T10:20:30.123Z_0000_ab12cd34" (wall time, counter, node).
 * Strings compare in causal order, so "newest change wins" is a string comparison, even when
 * a machine's clock runs behind one it received changes from.
 */
export class HybridClock {
  private lastMs = 0;
  private counter = 0;
  constructor(
    readonly node: string,
    private readonly wallClock: () => number = Date.now,
  ) {}

  now(): string {
    const wall = this.wallClock();
    if (wall > this.lastMs) {
      this.lastMs = wall;
      this.counter = 0;
    } else {
      this.counter++;
    }
    return HybridClock.format(this.lastMs, this.counter, this.node);
  }

  /** Moves the clock past a timestamp received from elsewhere. */
  receive(remote: string): void {
    const parsed = HybridClock.parse(remote);
    if (!parsed) return;
    if (parsed.ms > this.lastMs || (parsed.ms === this.lastMs && parsed.counter > this.counter)) {
      this.lastMs = parsed.ms;
      this.counter = parsed.counter;
    }
  }

  static format(ms: number, counter: number, node: string): string {
    return `${new Date(ms).toISOString()}_${counter.toString(16).padStart(4, '0')}_${node}`;
  }

  static parse(value: string): { ms: number; counter: number; node: string } | null {
    const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)_([0-9a-f]{4,})_(.+)$/.exec(value);
    if (!m) return null;
    return { ms: Date.parse(m[1]!), counter: parseInt(m[2]!, 16), node: m[3]! };
  }
}
