/**
 * Bytes shared by concurrent downloads: each reserves what it buffers and
 * releases it when done; a reservation that does not fit is refused, and the
 * download then takes a path that needs no buffer (the streaming parser).
 * Nothing waits on it, so it can never stall a run.
 */
export class ByteBudget {
  private used = 0;
  private highest = 0;

  constructor(readonly maxBytes: number) {}

  tryReserve(bytes: number): boolean {
    if (this.used + bytes > this.maxBytes) return false;
    this.used += bytes;
    this.highest = Math.max(this.highest, this.used);
    return true;
  }

  release(bytes: number): void {
    this.used = Math.max(0, this.used - bytes);
  }

  get inUse(): number {
    return this.used;
  }

  /** The most ever reserved at once (for tests and benchmarks). */
  get peak(): number {
    return this.highest;
  }
}
