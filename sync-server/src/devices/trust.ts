import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { SyncError, type DeviceStatus, type PairingCode, type PairResponse, type Store, type Till } from '../../../shared/src/index.js';
import { recordAudit, type AuditActor } from '../accounts/audit.js';
import type { Repository } from '../repository.js';

/** Letters and digits a person reads off a screen without mixing up (no 0/O, 1/I/L). */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 10;
export const PAIRING_CODE_MINUTES = 15;

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** A code as typed: spaces, dashes and case do not matter. */
export function normalizePairingCode(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

function newPairingCode(): string {
  const bytes = randomBytes(CODE_LENGTH);
  const letters = [...bytes].map((byte) => CODE_ALPHABET[byte % CODE_ALPHABET.length]).join('');
  return `${letters.slice(0, 5)}-${letters.slice(5)}`;
}

/**
 * Who may talk to the server. Head office makes a one-time pairing code for a till; the till trades
 * it once for a device credential it keeps (encrypted by the desktop shell) and sends with every
 * request. A till can then read and write only its own store's documents; revoking it stops it at
 * the next request, and its open event stream is closed.
 */
export class Trust {
  constructor(
    private readonly repository: Repository,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** A new one-time code for a till, valid for 15 minutes; any earlier unused code of the till stops working. */
  async createPairingCode(tillId: string, actor?: AuditActor): Promise<PairingCode> {
    const till = await this.repository.till(tillId);
    if (!till) throw new SyncError('not_found', `no till "${tillId}"`, 404);
    const code = newPairingCode();
    const now = this.now();
    const expiresAt = new Date(now.getTime() + PAIRING_CODE_MINUTES * 60_000).toISOString();
    await this.repository.write(async ({ tx }) => {
      await tx.devices.newPairingCode({ codeHash: sha256(normalizePairingCode(code)), tillId, createdAt: now.toISOString(), expiresAt });
      // The code is a secret until it is used: the log says one was made, and until when it works.
      await recordAudit(tx, actor, now.toISOString(), { action: 'till.pairingCode', kind: 'till', subjectId: tillId, storeId: till.storeId, before: null, after: { pairingCodeIssued: true, expiresAt } });
    });
    return { tillId, code, expiresAt };
  }

  /**
   * Trades a pairing code for a device credential, once. The till's earlier devices are revoked: a
   * till is one machine (a replaced PC is paired again).
   */
  async pair(code: unknown): Promise<PairResponse> {
    const refused = new SyncError('pairing_failed', 'this pairing code is unknown, already used or expired; ask head office for a new one', 401);
    if (typeof code !== 'string' || code.length > 64) throw refused;
    const hash = sha256(normalizePairingCode(code));
    return this.repository.write(async (writer): Promise<PairResponse> => {
      const { tx } = writer;
      const row = await tx.devices.pairingCode(hash);
      const now = this.now();
      if (!row || row.usedAt || Date.parse(row.expiresAt) <= now.getTime()) throw refused;
      const till = await writer.get<Till>('tills', row.tillId);
      const store = till && (await writer.get<Store>('stores', till.storeId));
      if (!till || !store) throw refused;
      // Used once: of two tills racing with one code, the second finds it used.
      if (!(await tx.devices.useCode(hash, now.toISOString())).used) throw refused;
      await tx.devices.revokeTill(till.id, now.toISOString());
      const credential = randomBytes(32).toString('base64url');
      const deviceId = randomUUID();
      await tx.devices.addDevice({ id: deviceId, tillId: till.id, credentialHash: sha256(credential), pairedAt: now.toISOString() });
      return {
        credential,
        deviceId,
        till: { id: till.id, code: till.code, name: till.name },
        store: { id: store.id, code: store.code, name: store.name },
      };
    });
  }

  /** The till a credential belongs to, or a 401 saying why not. */
  async authenticate(credential: string | undefined): Promise<{ till: Till; deviceId: string }> {
    if (!credential) throw new SyncError('unauthorized', 'this till is not paired: pair it with a code from head office', 401);
    const device = await this.repository.storage.devices.byCredential(sha256(credential));
    if (!device) throw new SyncError('unauthorized', 'this till’s credential is not known to the server: pair it again with a code from head office', 401);
    if (device.revokedAt) throw new SyncError('revoked', 'head office revoked this till’s access: pair it again with a new code', 401);
    const till = await this.repository.till(device.tillId);
    if (!till) throw new SyncError('revoked', 'this till is no longer registered: pair it again with a new code', 401);
    return { till, deviceId: device.id };
  }

  /** Revokes every credential of a till; answers how many were active (pairing leaves one at most). */
  async revoke(tillId: string, actor?: AuditActor): Promise<number> {
    const till = await this.repository.till(tillId);
    if (!till) throw new SyncError('not_found', `no till "${tillId}"`, 404);
    return this.repository.write(async ({ tx }) => {
      const active = (await tx.devices.summaries()).find((summary) => summary.tillId === tillId)?.active ? 1 : 0;
      const at = this.now().toISOString();
      await tx.devices.revokeTill(tillId, at);
      await recordAudit(tx, actor, at, { action: 'till.revoke', kind: 'till', subjectId: tillId, storeId: till.storeId, before: { paired: active === 1 }, after: { paired: false, revoked: active } });
      return active;
    });
  }

  /** Per till: whether a device holds a live credential, since when, and the last revocation. */
  async deviceStatus(): Promise<Map<string, DeviceStatus>> {
    const rows = await this.repository.storage.devices.summaries();
    return new Map(rows.map((row) => [row.tillId, { paired: row.active, pairedAt: row.pairedAt, revokedAt: row.revokedAt }]));
  }
}
