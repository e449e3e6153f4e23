import {
  closeProblems,
  madeAtByServerClock,
  mergeFacts,
  shiftEventFacts,
  shiftEventLimitProblems,
  shiftReport,
  type CollectionName,
  type PushRefusal,
  type ReportFact,
  type ShiftDetail,
  type ShiftEvent,
  type ShiftSummary,
  type Store,
  type Till,
} from '../../../shared/src/index.js';
import { canonicalJson } from '../canonical.js';
import { pushedDocuments, usableNumber } from '../replication/push.js';
import { Refusals } from '../replication/refusals.js';
import type { Repository } from '../repository.js';
import type { StorageTransaction } from '../storage/port.js';
import { checkShiftEvent } from '../validation.js';

export interface ShiftPushOutcome {
  storeId: string;
  conflicts: (ShiftEvent & { _deleted: boolean })[];
  refused: PushRefusal[];
  stored: number;
  changed: CollectionName[];
}

/** How a refused shift event is listed: its sequence, and "shift close T1" where a receipt number would be. */
function shiftEventLabel(document: Record<string, unknown>, till: Till): { number: number; receiptNumber: string } {
  const kind = typeof document.kind === 'string' ? document.kind.slice(0, 20) : 'event';
  return { number: usableNumber(document.sequence), receiptNumber: `shift ${kind} ${till.code}`.slice(0, 64) };
}

/** A shift the server knows only by its id, its store and its till: open, nothing counted yet. */
function unreportedShift(shiftId: string, storeId: string, tillId: string): ShiftSummary {
  return { shiftId, storeId, tillId, status: 'open', openedAt: null, openedBy: null, float: null, closedAt: null, closedBy: null, expectedCash: null, countedCash: null, difference: null };
}

/** The tills' shift events (open, cash in and out, close) and the shifts head office reads from them. */
export class Shifts {
  private readonly refusals: Refusals;

  constructor(private readonly repository: Repository) {
    this.refusals = new Refusals(repository);
  }

  /**
   * Takes a batch of shift events from a till in one transaction. Each is judged on its own like a
   * sale: a refused one is kept with its reasons (and replicated as a refusal), the others are
   * stored once each. The same event again changes nothing; a different one under a stored id is
   * answered as a conflict with the server's copy. Shift events move no stock and hold no number of
   * the sales numbering: their sequence is their own.
   */
  async push(tillId: string, rows: unknown, waiting?: number, options: { waiveRulesFor?: string; clockOffsetMs?: number } = {}): Promise<ShiftPushOutcome> {
    const till = await this.repository.requireTill(tillId);
    const store = await this.repository.getDocument<Store>('stores', till.storeId);
    const documents = pushedDocuments(rows).map(({ document, id, deleted }) => {
      const problems = checkShiftEvent(document);
      if (deleted) problems.push('a shift event cannot be deleted; record a new event instead');
      if (problems.length === 0) {
        const event = document as ShiftEvent;
        if (event.tillId !== till.id) problems.push(`shift event was made on till "${event.tillId}" but pushed by till "${till.id}"`);
        if (event.storeId !== till.storeId) problems.push(`shift event is for store "${event.storeId}" but till "${till.id}" belongs to "${till.storeId}"`);
        // Head office taking it as it is waives the store's limits for it alone (acceptRefused).
        else if (store && options.waiveRulesFor !== id) problems.push(...shiftEventLimitProblems(event, store));
      }
      return { document, id, problems };
    });
    // In the till's order, so a close is judged after the events it closes, whatever order they came in.
    documents.sort((a, b) => usableNumber(a.document.sequence) - usableNumber(b.document.sequence));
    return this.refusals.withCap(till, documents.length * 2 + 4, async (writer): Promise<ShiftPushOutcome> => {
      const { tx } = writer;
      const conflicts: ShiftPushOutcome['conflicts'] = [];
      const refused: PushRefusal[] = [];
      const receivedAt = this.repository.now().toISOString();
      const hasOpenRefusals = (await tx.refusals.openTotals(till.id)).count > 0;
      let stored = 0;
      let accepted = false;
      const heldIds = new Set<string>();
      // What the stored events add to the reports (a voided cart, a drawer short or over), once, with them.
      const facts: ReportFact[] = [];
      for (const { document, id, problems } of documents) {
        // Ids are made on the tills: another till's or another collection's document under one is
        // neither a retry nor a correction.
        const taken = await writer.owners.claim(id, 'shiftEvents', till);
        if (taken) {
          refused.push({ id, number: 0, problems: [taken] });
          continue;
        }
        const held = await tx.shiftEvents.get(id);
        if (held) {
          heldIds.add(id);
          // Stored once: the same event again changes nothing, a different one is answered with the server's copy.
          if (canonicalJson(held.event) !== canonicalJson(document)) conflicts.push({ ...held.event, _deleted: false });
          continue;
        }
        if (problems.length === 0) {
          // The shift is this till's from the first document that names it (a sale may come first).
          const shiftTaken = await writer.owners.claimShift((document as ShiftEvent).shiftId, till);
          problems.push(...(shiftTaken ? [shiftTaken] : await shiftProblems(tx, document as ShiftEvent)));
        }
        if (problems.length > 0) {
          refused.push(await this.refusals.record(writer, till, 'shiftEvents', id, document, problems, receivedAt, shiftEventLabel(document, till)));
          continue;
        }
        await tx.shiftEvents.insert(document as ShiftEvent, await writer.seq(), receivedAt);
        facts.push(...shiftEventFacts(document as ShiftEvent, { madeAt: madeAtByServerClock((document as ShiftEvent).at, options.clockOffsetMs ?? 0) ?? receivedAt, timeZone: store?.timeZone }));
        heldIds.add(id);
        stored++;
        if (hasOpenRefusals && (await this.refusals.accept(writer, 'shiftEvents', id, till.id, receivedAt))) accepted = true;
      }
      if (facts.length > 0) await tx.reports.add(mergeFacts(facts));
      await this.repository.touchIn(writer, till.id, true, waiting);
      const changed: CollectionName[] = [];
      if (stored > 0) changed.push('shiftEvents');
      // The till hears the highest sequence held, so it never reuses one after its database is wiped.
      const highest = Math.max(till.lastShiftSequence ?? 0, ...documents.filter(({ id }) => heldIds.has(id)).map(({ document }) => usableNumber(document.sequence)));
      if (highest > (till.lastShiftSequence ?? 0)) {
        await writer.put('tills', { ...(await writer.requireTill(till.id)), lastShiftSequence: highest }, till.storeId);
        changed.push('tills');
      }
      if (refused.length > 0 || accepted) changed.push('refusals');
      return { storeId: till.storeId, conflicts, refused, stored, changed };
    });
  }

  /**
   * One shift: its summary, its events in the till's order, the sales and returns made in it, and its
   * X report (still open) or Z report (closed) computed here from what the server holds, with what
   * disagrees with the till's own close (say, a sale that has not reached the server yet).
   */
  async detail(shiftId: string): Promise<ShiftDetail | undefined> {
    const storeId = await this.repository.storage.shiftEvents.storeOf(shiftId);
    if (storeId === undefined) return undefined;
    const events = (await this.repository.storage.shiftEvents.ofShift(storeId, shiftId)).map(({ event, receivedAt }) => ({ ...event, receivedAt }));
    // Neither opened nor closed on the server yet: only its other events have arrived.
    const shift = (await this.list(storeId, Number.MAX_SAFE_INTEGER)).find((summary) => summary.shiftId === shiftId) ?? unreportedShift(shiftId, storeId, events[0].tillId);
    const sales = await this.repository.storage.sales.ofShift(storeId, shiftId);
    const opened = events.some((event) => event.kind === 'open');
    const currencyDecimals = (await this.repository.getDocument<Store>('stores', storeId))?.pricing.currencyDecimals;
    // A report starts from the float: without the open event there is none yet.
    const report = opened ? shiftReport(events, sales, currencyDecimals) : null;
    const close = events.find((event) => event.kind === 'close');
    return { shift, events, sales, report, discrepancies: report && close ? closeProblems(close, report) : [] };
  }

  /** A store's shifts, newest first as the server received them, from their open and close events. */
  async list(storeId: string, limit = 200): Promise<ShiftSummary[]> {
    const shifts = new Map<string, ShiftSummary>();
    for (const event of await this.repository.storage.shiftEvents.opensAndCloses(storeId)) {
      const shift = shifts.get(event.shiftId) ?? unreportedShift(event.shiftId, storeId, event.tillId);
      if (event.kind === 'open') Object.assign(shift, { openedAt: event.at, openedBy: event.cashier, float: event.amount ?? null });
      else {
        Object.assign(shift, {
          status: 'closed',
          closedAt: event.at,
          closedBy: event.cashier,
          expectedCash: event.expectedCash ?? null,
          countedCash: event.countedCash ?? null,
          difference: event.difference ?? null,
        });
      }
      shifts.set(event.shiftId, shift);
    }
    return [...shifts.values()].slice(0, limit);
  }
}

/** What is wrong with a new shift event given the events held: its place in the till's sequence and in its shift. */
async function shiftProblems(tx: StorageTransaction, event: ShiftEvent): Promise<string[]> {
  const problems: string[] = [];
  const taken = await tx.shiftEvents.idAtSequence(event.tillId, event.sequence);
  if (taken) problems.push(`sequence ${event.sequence} of till "${event.tillId}" is already used by shift event ${taken}`);
  const otherTill = await tx.shiftEvents.otherTill(event.storeId, event.shiftId, event.tillId);
  if (otherTill) problems.push(`shift "${event.shiftId}" belongs to till "${otherTill}"; only the till that opened a shift writes to it`);
  const close = await tx.shiftEvents.closeOf(event.storeId, event.shiftId);
  if (close && event.kind === 'close') problems.push(`shift ${event.shiftId} is already closed by event ${close.id}`);
  else if (close && event.sequence > close.sequence) problems.push(`shift ${event.shiftId} was closed (event ${close.id}, sequence ${close.sequence}) before this event`);
  return problems;
}
