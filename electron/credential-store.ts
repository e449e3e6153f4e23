/**
 * The till's device credential on disk: encrypted by a cipher the caller hands in (Electron's
 * safeStorage in the app), in one file in the profile folder, replaced atomically. Plain Node, so
 * the file format, the checks on what the renderer sends and every failure case are tested
 * without the Electron binary.
 *
 * File format: the ASCII line `kassa-credential 1\n`, then the cipher's bytes. The line tells a
 * Kassa credential from any other file and leaves room for a second format.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';

export const CREDENTIAL_FILE_NAME = 'credential.bin';

const FILE_HEADER = Buffer.from('kassa-credential 1\n', 'ascii');

/**
 * The server hands out 32 random bytes as base64url (43 characters). The bounds leave room for a
 * longer credential later while refusing a short guessable string or a whole document.
 */
export const CREDENTIAL_MIN_LENGTH = 16;
export const CREDENTIAL_MAX_LENGTH = 512;

const base64url = /^[A-Za-z0-9_-]+$/;

/** How the credential is encrypted; in the app, the operating system's key store. */
export interface CredentialCipher {
  /** Why a secret cannot be protected right now, or undefined when it can. */
  unavailableReason(): string | undefined;
  encrypt(plainText: string): Buffer;
  /** Throws when the bytes were not made by `encrypt` with this machine's and user's key. */
  decrypt(encrypted: Buffer): string;
}

/**
 * Throws a TypeError or RangeError unless `value` looks like a device credential. The messages
 * never repeat the value: it may be a real secret in the wrong shape.
 */
export function assertCredential(value: unknown): asserts value is string {
  if (typeof value !== 'string') throw new TypeError('saveCredential expects the credential as a string');
  if (value.length < CREDENTIAL_MIN_LENGTH || value.length > CREDENTIAL_MAX_LENGTH) {
    throw new RangeError(
      `saveCredential was given ${value.length} characters; a credential has ${CREDENTIAL_MIN_LENGTH} to ${CREDENTIAL_MAX_LENGTH}`,
    );
  }
  if (!base64url.test(value)) {
    throw new RangeError('saveCredential was given characters outside base64url (A-Z, a-z, 0-9, - and _)');
  }
}

export interface CredentialStoreOptions {
  /** The profile folder (Electron's `userData`). */
  directory: string;
  cipher: CredentialCipher;
  /** Where a credential that cannot be read is reported; the till then counts as unpaired. */
  warn: (message: string) => void;
}

/**
 * Load, save and clear, one at a time in the order they were asked for, so a clear sent right
 * after a save is never overtaken by it.
 */
export class CredentialStore {
  readonly filePath: string;
  private readonly directory: string;
  private readonly cipher: CredentialCipher;
  private readonly warn: (message: string) => void;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(options: CredentialStoreOptions) {
    this.directory = options.directory;
    this.filePath = path.join(options.directory, CREDENTIAL_FILE_NAME);
    this.cipher = options.cipher;
    this.warn = options.warn;
  }

  /**
   * The kept credential, or null when there is none. A file that cannot be read, is not a Kassa
   * credential, or does not decrypt (another user or machine, a lost key store) is reported
   * through `warn` and answers null: the till keeps selling and asks to be paired again. The file
   * is left where it is, in case the key store comes back.
   */
  load(): Promise<string | null> {
    return this.inTurn(() => this.read());
  }

  /**
   * Encrypts and keeps `credential`, replacing the one before. Rejects when it is not a
   * credential, or when the cipher cannot protect it: it is never written in plain text.
   */
  save(credential: unknown): Promise<void> {
    return this.inTurn(async () => {
      assertCredential(credential);
      const reason = this.cipher.unavailableReason();
      if (reason !== undefined) {
        throw new Error(`the credential was not kept because ${reason}; Kassa never stores it unencrypted`);
      }
      const encrypted = this.cipher.encrypt(credential);
      await this.replaceFile(Buffer.concat([FILE_HEADER, encrypted]));
    });
  }

  /** Forgets the credential (un-pairing this till); nothing kept is fine. */
  clear(): Promise<void> {
    return this.inTurn(() => rm(this.filePath, { force: true }));
  }

  private inTurn<T>(operation: () => Promise<T>): Promise<T> {
    const result = this.queue.then(operation);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async read(): Promise<string | null> {
    let bytes: Buffer;
    try {
      bytes = await readFile(this.filePath);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      this.warn(`cannot read ${this.filePath} (${(error as Error).message}); the till counts as unpaired`);
      return null;
    }
    const unreadable = (why: string) => {
      this.warn(`${this.filePath} ${why}; the till counts as unpaired until it is paired again`);
      return null;
    };
    if (bytes.length <= FILE_HEADER.length || !bytes.subarray(0, FILE_HEADER.length).equals(FILE_HEADER)) {
      return unreadable('is not a Kassa credential file');
    }
    const reason = this.cipher.unavailableReason();
    if (reason !== undefined) return unreadable(`cannot be decrypted because ${reason}`);
    let credential: string;
    try {
      credential = this.cipher.decrypt(bytes.subarray(FILE_HEADER.length));
    } catch (error) {
      return unreadable(`does not decrypt (${(error as Error).message})`);
    }
    try {
      assertCredential(credential);
    } catch {
      // A wrong key can still yield bytes that pass the cipher's own checks now and then.
      return unreadable('decrypts to something that is not a credential');
    }
    return credential;
  }

  /**
   * Writes a temporary file beside the real one, flushes it and renames it over: a crash or a
   * power cut leaves the old credential or the new one, never half of one. Owner-only mode on
   * POSIX; on Windows the profile folder's ACL applies.
   */
  private async replaceFile(contents: Buffer): Promise<void> {
    await mkdir(this.directory, { recursive: true, mode: 0o700 });
    const temporary = `${this.filePath}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`;
    try {
      const handle = await open(temporary, 'wx', 0o600);
      try {
        await handle.writeFile(contents);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temporary, this.filePath);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    await this.flushDirectory();
  }

  /**
   * Makes the rename itself survive a power cut. Best effort: the credential is in place by now,
   * and failing the save would make the till throw away a pairing code it has already used.
   */
  private async flushDirectory(): Promise<void> {
    // Windows cannot open a folder for flushing; NTFS journals the rename.
    if (process.platform === 'win32') return;
    try {
      const handle = await open(this.directory, 'r');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
    } catch (error) {
      this.warn(`could not flush ${this.directory} after keeping the credential: ${(error as Error).message}`);
    }
  }
}
