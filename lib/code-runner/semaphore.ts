/**
 * A counting semaphore with numbered slots and a bounded queue. The grader holds one slot per
 * sandboxed run, so at most `slots` Python processes trees run at once whatever the request rate,
 * and the slot number picks the run's user id (see sandbox.ts), so concurrent runs never share a
 * process-count limit. A full queue refuses at once instead of piling up requests.
 */
export class SlotSemaphore {
  readonly slots: number;
  private readonly maxWaiting: number;
  private readonly free: number[];
  private readonly waiters: ((slot: number) => void)[] = [];

  constructor(slots: number, maxWaiting: number) {
    this.slots = slots;
    this.maxWaiting = maxWaiting;
    this.free = Array.from({ length: slots }, (_, i) => i);
  }

  /** A slot number, or undefined when `maxWaiting` callers already wait. Pair with release(slot). */
  acquire(): Promise<number | undefined> {
    const slot = this.free.shift();
    if (slot !== undefined) return Promise.resolve(slot);
    if (this.waiters.length >= this.maxWaiting) return Promise.resolve(undefined);
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  release(slot: number): void {
    const next = this.waiters.shift();
    if (next) next(slot);
    else this.free.push(slot);
  }

  get waiting(): number {
    return this.waiters.length;
  }
}
