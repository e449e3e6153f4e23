import { Subject, type Subscription } from 'rxjs';
import { projectedQuantity, toQuantityString, type Refusal, type Sale, type StockLevel, type StockMovingDocument } from '../../../../shared/src/index.js';
import type { TillDatabase } from '../data/database.js';
import { CollectionFollower } from '../sync/follow.js';
import type { SnapshotStore } from '../sync/snapshot.js';

const SNAPSHOT_FORMAT = 1;
const SNAPSHOT_KEY = 'stockLevels';

/**
 * Stock on hand as this till shows it: the server's level for each product plus this till's own
 * documents that level does not include yet. Tills never write stock levels; this view only reads.
 */
export class StockView {
  private readonly levels = new Map<string, StockLevel>();
  /** Per product, this till's documents not yet included in that product's level. */
  private readonly pending = new Map<string, StockMovingDocument[]>();
  /**
   * Numbers of this till's documents the server refused and has not taken since: they moved no
   * stock centrally, so they are left out here too until they are sent again and taken.
   */
  private readonly refused = new Set<number>();
  readonly changed$ = new Subject<ReadonlySet<string>>();
  /** Bumped on every change, for views that re-render. */
  version = 0;
  private follower: CollectionFollower<StockLevel> | undefined;
  private salesSubscription: Subscription | undefined;
  private refusalsSubscription: Subscription | undefined;
  private touched = new Set<string>();

  constructor(
    private readonly storeId: string,
    private readonly tillId: string,
    private readonly snapshots?: SnapshotStore,
  ) {}

  async open(db: TillDatabase): Promise<void> {
    const flush = () => this.flush();
    this.follower = new CollectionFollower<StockLevel>(db.stockLevels, (level, deleted) => this.putLevel(level, deleted), flush);
    const snapshot = await this.snapshots?.load<StockLevel>(SNAPSHOT_KEY).catch(() => undefined);
    await this.follower.open(snapshot?.format === SNAPSHOT_FORMAT ? snapshot : undefined);
    // The levels replicate as a prefix of the server's history, so every document numbered below the
    // highest one any level includes is already in every level it moves; only later ones can be pending.
    let highestApplied = 0;
    for (const level of this.levels.values()) highestApplied = Math.max(highestApplied, level.applied[this.tillId] ?? 0);
    this.salesSubscription = db.sales.eventBulks$.subscribe((bulk) => {
      for (const event of bulk.events) {
        if (event.operation === 'INSERT') this.addDocument(event.documentData as unknown as Sale);
      }
      flush();
    });
    const recent = await db.sales.find({ selector: { number: { $gte: highestApplied } } }).exec();
    for (const sale of recent) this.addDocument(sale.toJSON() as Sale);
    this.refusalsSubscription = db.refusals.eventBulks$.subscribe((bulk) => {
      for (const event of bulk.events) this.putRefusal(event.documentData as unknown as Refusal, event.operation === 'DELETE');
      flush();
    });
    for (const refusal of await db.refusals.find().exec()) this.putRefusal(refusal.toJSON() as Refusal, false);
    flush();
  }

  /** Tells the screens of the levels changed since they were last told. */
  private flush(): void {
    if (this.touched.size === 0) return;
    const touched = this.touched;
    this.touched = new Set();
    this.version++;
    this.changed$.next(touched);
  }

  /**
   * A new till's levels from the server's snapshot, shown at once while the same documents are
   * still being stored (they arrive again from the database then, and replace these as they are).
   */
  preload(levels: readonly StockLevel[]): void {
    for (const level of levels) this.putLevel(level, false);
    this.flush();
  }

  /** Products with a level. */
  get size(): number {
    return this.levels.size;
  }

  async saveSnapshot(): Promise<void> {
    if (!this.snapshots || !this.follower) return;
    await this.snapshots.save(SNAPSHOT_KEY, this.follower.snapshot([...this.levels.values()], SNAPSHOT_FORMAT));
  }

  /** Levels read from the database (not the snapshot) when the view was opened. */
  get readOnOpen(): number {
    return this.follower?.readOnOpen ?? 0;
  }

  get changesSinceSnapshot(): number {
    return this.follower?.changesSinceSnapshot ?? 0;
  }

  close(): void {
    this.follower?.close();
    this.salesSubscription?.unsubscribe();
    this.refusalsSubscription?.unsubscribe();
  }

  private putRefusal(refusal: Refusal, deleted: boolean): void {
    // Only a refused sale or return moves stock; a refused shift event's number is its own sequence.
    if (refusal.tillId !== this.tillId || refusal.number === 0 || (refusal.sourceCollection ?? 'sales') !== 'sales') return;
    const open = refusal.status === 'open' && !deleted && !(refusal as { _deleted?: boolean })._deleted;
    if (open === this.refused.has(refusal.number)) return;
    if (open) this.refused.add(refusal.number);
    else this.refused.delete(refusal.number);
    for (const [productId, list] of this.pending) {
      if (list.some((document) => document.number === refusal.number)) this.touched.add(productId);
    }
  }

  private putLevel(level: StockLevel, deleted: boolean): void {
    if (level.storeId !== this.storeId) return;
    if (deleted) this.levels.delete(level.productId);
    else this.levels.set(level.productId, level);
    const appliedUpTo = level.applied[this.tillId] ?? 0;
    const pending = this.pending.get(level.productId);
    if (pending) {
      const remaining = pending.filter((document) => document.number > appliedUpTo);
      if (remaining.length > 0) this.pending.set(level.productId, remaining);
      else this.pending.delete(level.productId);
    }
    this.touched.add(level.productId);
  }

  private addDocument(document: StockMovingDocument): void {
    if (document.tillId !== this.tillId) return;
    for (const movement of document.stockMovements) {
      const appliedUpTo = this.levels.get(movement.productId)?.applied[this.tillId] ?? 0;
      if (document.number <= appliedUpTo) continue;
      const list = this.pending.get(movement.productId) ?? [];
      if (list.some((existing) => existing.number === document.number)) continue;
      list.push({ tillId: document.tillId, number: document.number, stockMovements: document.stockMovements });
      this.pending.set(movement.productId, list);
      this.touched.add(movement.productId);
    }
  }

  /** Stock on hand for a product as a decimal string. */
  quantity(productId: string): string {
    let pending = this.pending.get(productId) ?? [];
    if (this.refused.size > 0) pending = pending.filter((document) => !this.refused.has(document.number));
    return toQuantityString(projectedQuantity(productId, this.levels.get(productId), pending, this.tillId));
  }

  /** How many of this till's documents wait to be included in at least one level. */
  get pendingDocuments(): number {
    const numbers = new Set<number>();
    for (const list of this.pending.values()) for (const document of list) if (!this.refused.has(document.number)) numbers.add(document.number);
    return numbers.size;
  }
}
