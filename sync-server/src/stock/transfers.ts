import {
  dec,
  fieldsOf,
  stockInTransit,
  SyncError,
  toQuantityString,
  transferLineProblems,
  transferReceiptProblems,
  transferSendProblems,
  transferView,
  type Product,
  type Store,
  type StoredTransfer,
  type StoredTransferReceipt,
  type TransferReceiptInput,
  type TransferSend,
  type TransferView,
} from '../../../shared/src/index.js';
import { recordAudit, type AuditActor } from '../accounts/audit.js';
import { canonicalJson } from '../canonical.js';
import type { Repository, Writer } from '../repository.js';
import { moveStock } from './move-stock.js';

/**
 * Transfers between stores, head office's alone (no till holds them). The send and the receipt are
 * each one immutable document with the id its client made:
 * - `transfers` holds the send (under its id): written once, with the sender's ledger rows (source
 *   `transfer`, minus what was sent) and its stock levels moved, in one transaction;
 * - `transferReceipts` holds the receipt under the transfer's id, so a transfer has one receipt at
 *   most by the table's key; the receipt's own id is kept in it and names its ledger rows (plus what
 *   arrived) in the receiving store.
 * In transit is a projection of the two: what was sent on transfers that have no receipt yet.
 */
export class Transfers {
  constructor(private readonly repository: Repository) {}

  /** A store's transfers, in and out, newest first. */
  async list(storeId: string): Promise<TransferView[]> {
    const all = await this.repository.storage.documents.all<StoredTransfer>('transfers');
    const mine = all.filter((transfer) => transfer.fromStoreId === storeId || transfer.toStoreId === storeId);
    const receipts = await this.repository.storage.documents.getMany<StoredTransferReceipt>('transferReceipts', mine.map((transfer) => transfer.id));
    const codes = await this.storeCodes();
    return mine.map((transfer) => transferView(transfer, receipts.get(transfer.id)?.body, codes)).sort((a, b) => b.number.localeCompare(a.number));
  }

  /** Per product, what is in transit to (`incoming`) and from (`outgoing`) the store. */
  async inTransit(storeId: string): Promise<Map<string, { incoming: string; outgoing: string }>> {
    return stockInTransit(await this.list(storeId), storeId);
  }

  /**
   * Sends stock: the send is kept, and the sending store's stock goes down by each line at once.
   * The same send again records nothing; another under its id is refused; a refusal moves nothing.
   */
  async send(input: unknown, actor: AuditActor | undefined): Promise<{ transfer: TransferView; recorded: boolean }> {
    const problems = transferSendProblems(input);
    if (problems.length > 0) throw refused('the transfer was not sent', fieldsOf(input).id, problems);
    const send = input as TransferSend;
    return this.repository.write(async (writer) => {
      // Taken first: the sequence's lock makes concurrent sends of one id wait here, so the second
      // sees the first's document and records nothing (a send counts once on PostgreSQL too).
      await writer.seq();
      const held = await writer.get<StoredTransfer>('transfers', send.id);
      if (held) return { transfer: await this.viewIn(writer, held), recorded: false, same: sameSend(held, send) };
      const [from, to] = [await writer.get<Store>('stores', send.fromStoreId), await writer.get<Store>('stores', send.toStoreId)];
      if (!from) problems.push(`fromStoreId: no store "${send.fromStoreId}"`);
      if (!to) problems.push(`toStoreId: no store "${send.toStoreId}"`);
      const products = await productsOf(writer, send.lines.map((line) => line.productId));
      send.lines.forEach((line, index) => {
        const product = products.get(line.productId);
        if (!product) problems.push(`lines.${index}.productId: no product "${line.productId}"`);
        else problems.push(...transferLineProblems(index, line.quantity, product.unit));
      });
      if (problems.length > 0 || !from || !to) throw refused('the transfer was not sent', send.id, problems);
      const at = this.repository.now().toISOString();
      const transfer: StoredTransfer = {
        id: send.id,
        number: await nextNumber(writer),
        fromStoreId: from.id,
        toStoreId: to.id,
        reference: send.reference?.trim() ?? '',
        lines: send.lines.map((line) => {
          const product = products.get(line.productId)!;
          return { productId: product.id, sku: product.sku, name: product.name, unit: product.unit, sent: toQuantityString(dec(line.quantity)) };
        }),
        sentAt: at,
        sentBy: actor?.label ?? 'head office',
      };
      await writer.put('transfers', transfer, transfer.fromStoreId);
      await moveStock(writer, transfer.fromStoreId, 'transfer', transfer.id, at, transfer.lines.map((line) => ({ productId: line.productId, quantity: dec(line.sent).neg() })));
      await recordAudit(writer.tx, actor, at, { action: 'transfer.send', kind: 'transfer', subjectId: transfer.id, storeId: transfer.fromStoreId, before: null, after: transfer });
      return { transfer: transferView(transfer, undefined, await this.storeCodesIn(writer)), recorded: true, same: true };
    }, 16).then(({ transfer, recorded, same }) => {
      if (!same) throw new SyncError('immutable', `transfer ${transfer.number} is already sent with other content; send a new one`, 409, [{ id: transfer.id, problems: [] }]);
      return { transfer, recorded };
    });
  }

  /**
   * Receives a transfer at the store it was sent to: each line's quantity arrived (zero for none)
   * goes into that store's stock; a line that differs from what was sent is a discrepancy, kept on
   * the receipt (the sender's stock stays down by what it sent). The same receipt again records
   * nothing; another receipt of a received transfer is refused; a refusal moves nothing.
   */
  async receive(transferId: string, input: unknown, actor: AuditActor | undefined): Promise<{ transfer: TransferView; recorded: boolean }> {
    const problems = transferReceiptProblems(input);
    if (problems.length > 0) throw refused('the transfer was not received', fieldsOf(input).id, problems);
    const receipt = input as TransferReceiptInput;
    const result = await this.repository.write(async (writer) => {
      await writer.seq(); // the sequence's lock first: see send
      const transfer = await writer.get<StoredTransfer>('transfers', transferId);
      if (!transfer) throw new SyncError('not_found', `no transfer "${transferId}"`, 404);
      const held = await writer.get<StoredTransferReceipt>('transferReceipts', transferId);
      if (held) return { transfer: await this.viewIn(writer, transfer), recorded: false, held };
      if (receipt.storeId !== transfer.toStoreId) problems.push(`storeId: transfer ${transfer.number} is for another store, not "${receipt.storeId}"`);
      const sent = new Map(transfer.lines.map((line) => [line.productId, line]));
      receipt.lines.forEach((line, index) => {
        const ofTransfer = sent.get(line.productId);
        if (!ofTransfer) problems.push(`lines.${index}.productId: "${line.productId}" was not sent on ${transfer.number}`);
        else problems.push(...transferLineProblems(index, line.quantity, ofTransfer.unit));
      });
      const named = new Set(receipt.lines.map((line) => line.productId));
      for (const line of transfer.lines) if (!named.has(line.productId)) problems.push(`lines: no quantity for ${line.sku} ${line.name} (enter 0 if none arrived)`);
      if (problems.length > 0) throw refused('the transfer was not received', receipt.id, problems);
      const at = this.repository.now().toISOString();
      const stored: StoredTransferReceipt = {
        id: transfer.id,
        receiptId: receipt.id,
        storeId: transfer.toStoreId,
        lines: transfer.lines.map((line) => ({ productId: line.productId, received: toQuantityString(dec(receipt.lines.find((got) => got.productId === line.productId)!.quantity)) })),
        receivedAt: at,
        receivedBy: actor?.label ?? 'head office',
      };
      await writer.put('transferReceipts', stored, stored.storeId);
      await moveStock(writer, stored.storeId, 'transfer', receipt.id, at, stored.lines.map((line) => ({ productId: line.productId, quantity: dec(line.received) })));
      const view = transferView(transfer, stored, await this.storeCodesIn(writer));
      await recordAudit(writer.tx, actor, at, { action: 'transfer.receive', kind: 'transfer', subjectId: transfer.id, storeId: stored.storeId, before: null, after: stored });
      return { transfer: view, recorded: true, held: undefined };
    }, 16);
    if (result.held && !sameReceipt(result.held, receipt)) {
      const problem = result.held.receiptId === receipt.id ? `receipt ${receipt.id} is already recorded with other content` : `received already (receipt ${result.held.receiptId})`;
      throw new SyncError('immutable', `transfer ${result.transfer.number}: ${problem}; record an adjustment to correct it`, 409, [{ id: receipt.id, problems: [] }]);
    }
    return { transfer: result.transfer, recorded: result.recorded };
  }

  private async viewIn(writer: Writer, transfer: StoredTransfer): Promise<TransferView> {
    return transferView(transfer, await writer.get<StoredTransferReceipt>('transferReceipts', transfer.id), await this.storeCodesIn(writer));
  }

  private async storeCodes(): Promise<Map<string, string>> {
    return new Map((await this.repository.stores()).map((store) => [store.id, store.code]));
  }

  private async storeCodesIn(writer: Writer): Promise<Map<string, string>> {
    return new Map((await writer.tx.documents.all<Store>('stores')).map((store) => [store.id, store.code]));
  }
}

function refused(message: string, id: unknown, problems: string[]): SyncError {
  return new SyncError('invalid_document', message, 422, [{ id: typeof id === 'string' ? id : undefined, problems }]);
}

/** Whether a send posted again is the one held: same stores, reference and lines. */
function sameSend(held: StoredTransfer, send: TransferSend): boolean {
  const asHeld = { fromStoreId: held.fromStoreId, toStoreId: held.toStoreId, reference: held.reference, lines: held.lines.map((line) => [line.productId, line.sent]) };
  const asSent = { fromStoreId: send.fromStoreId, toStoreId: send.toStoreId, reference: send.reference?.trim() ?? '', lines: send.lines.map((line) => [line.productId, toQuantityString(dec(line.quantity))]) };
  return canonicalJson(asHeld) === canonicalJson(asSent);
}

/** Whether a receipt posted again is the one held: same id, store and quantities. */
function sameReceipt(held: StoredTransferReceipt, receipt: TransferReceiptInput): boolean {
  if (held.receiptId !== receipt.id || held.storeId !== receipt.storeId || held.lines.length !== receipt.lines.length) return false;
  const got = new Map(receipt.lines.map((line) => [line.productId, line.quantity]));
  return held.lines.every((line) => got.has(line.productId) && dec(got.get(line.productId)!).eq(dec(line.received)));
}

async function productsOf(writer: Writer, ids: readonly string[]): Promise<Map<string, Product>> {
  const products = new Map<string, Product>();
  for (const [id, stored] of await writer.tx.documents.getMany<Product>('products', ids)) if (!stored.deleted) products.set(id, stored.body);
  return products;
}

/** The chain's next transfer number, taken inside the write transaction (writers wait on the sequence's lock). */
async function nextNumber(writer: Writer): Promise<string> {
  const transfers = await writer.tx.documents.all<StoredTransfer>('transfers');
  const highest = transfers.reduce((most, transfer) => Math.max(most, Number(transfer.number.slice(3)) || 0), 0);
  return `TR-${String(highest + 1).padStart(6, '0')}`;
}
