/**
 * A counter that many nodes update without talking to each other first. Each node writes only its
 * own shard, a pair of running totals (everything added, everything removed), and the count is the
 * sum over all shards. Nodes swap snapshots in the background; a merge keeps the larger total for
 * each shard, so snapshots may arrive late, twice or out of order and every node still converges on
 * the same count (this is a PN-counter, a simple CRDT). A node also ignores a retried add whose
 * idempotency key it has already applied. add is O(1); value and merge are O(s) for s shards;
 * memory is O(s + remembered keys).
 */
export interface Shard {
  added: number;
  removed: number;
}

export type CounterSnapshot = ReadonlyMap<string, Readonly<Shard>>;

export class ShardedCounter {
  readonly #nodeId: string;
  readonly #shards = new Map<string, Shard>();
  readonly #appliedKeys = new Set<string>();

  constructor(nodeId: string) {
    this.#nodeId = nodeId;
  }

  /** Applies a delta on this node. Returns false if the idempotency key was already applied here. */
  add(delta: number, idempotencyKey?: string): boolean {
    if (!Number.isFinite(delta)) throw new RangeError(`delta must be a finite number, got ${delta}`);
    if (idempotencyKey !== undefined) {
      if (this.#appliedKeys.has(idempotencyKey)) return false;
      this.#appliedKeys.add(idempotencyKey);
    }
    const own = this.#shard(this.#nodeId);
    if (delta >= 0) own.added += delta;
    else own.removed -= delta;
    return true;
  }

  value(): number {
    let total = 0;
    for (const { added, removed } of this.#shards.values()) total += added - removed;
    return total;
  }

  /** A copy of every shard this node knows about, to send to its peers. */
  snapshot(): CounterSnapshot {
    return new Map([...this.#shards].map(([id, shard]) => [id, { ...shard }]));
  }

  /** Folds in a peer's snapshot. Idempotent, commutative and associative. */
  merge(peer: CounterSnapshot): void {
    for (const [id, theirs] of peer) {
      const ours = this.#shard(id);
      ours.added = Math.max(ours.added, theirs.added);
      ours.removed = Math.max(ours.removed, theirs.removed);
    }
  }

  #shard(id: string): Shard {
    let shard = this.#shards.get(id);
    if (shard === undefined) {
      shard = { added: 0, removed: 0 };
      this.#shards.set(id, shard);
    }
    return shard;
  }
}
