// Signature nonces seen per AccessKey. A nonce only needs remembering while a
// request carrying it could still pass the timestamp check, so entries expire.
export class NonceStore {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {}

  /** True when the nonce is new (and now remembered), false when it was used already. */
  claim(accessKeyId: string, nonce: string): boolean {
    const at = this.now();
    this.prune(at);
    const key = `${accessKeyId}\n${nonce}`;
    if (this.seen.has(key)) return false;
    this.seen.set(key, at + this.ttlMs);
    return true;
  }

  clear(): void {
    this.seen.clear();
  }

  // Insertion order equals expiry order (constant TTL), so stop at the first live entry.
  private prune(at: number): void {
    for (const [key, expires] of this.seen) {
      if (expires > at) break;
      this.seen.delete(key);
    }
  }
}
