import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  assertCredential,
  CREDENTIAL_FILE_NAME,
  CREDENTIAL_MAX_LENGTH,
  CREDENTIAL_MIN_LENGTH,
  CredentialStore,
  type CredentialCipher,
} from './credential-store.js';

/**
 * A stand-in for Electron's safeStorage, which needs the Electron binary and an OS key store that
 * this machine does not have. Only the encryption is faked; the files are real. It tags its
 * output and XORs it with a key, so a file made with another key fails to decrypt as the real
 * one does, and the plain credential never appears in the file.
 */
function fakeCipher(key = 0x5a, available = true): CredentialCipher & { encrypted: number } {
  const tag = Buffer.from('FAKE');
  const cipher = {
    encrypted: 0,
    unavailableReason: () => (available ? undefined : 'the test key store is locked'),
    encrypt(plainText: string): Buffer {
      cipher.encrypted += 1;
      return Buffer.concat([tag, Buffer.from([key]), Buffer.from(plainText, 'utf8').map((byte) => byte ^ key)]);
    },
    decrypt(encrypted: Buffer): string {
      if (!encrypted.subarray(0, tag.length).equals(tag) || encrypted[tag.length] !== key) {
        throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      }
      return Buffer.from(encrypted.subarray(tag.length + 1).map((byte) => byte ^ key)).toString('utf8');
    },
  };
  return cipher;
}

// The shape the server hands out: 32 random bytes as base64url.
const credential = 'q3Xk9_Zr-2mVb8LwT0yNcE5aHs7uJdPfGiRoKlMnB4c';
const otherCredential = 'Zz9-Yy8_Xx7-Ww6_Vv5-Uu4_Tt3-Ss2_Rr1-Qq0_Pp9';

let directory: string;
let warnings: string[];

function store(cipher: CredentialCipher = fakeCipher(), folder = directory): CredentialStore {
  return new CredentialStore({ directory: folder, cipher, warn: (message) => warnings.push(message) });
}

beforeEach(async () => {
  directory = await mkdtemp(path.join(tmpdir(), 'kassa-credential-'));
  warnings = [];
});

afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('assertCredential', () => {
  it('accepts base64url strings within the length bounds', () => {
    expect(() => assertCredential(credential)).not.toThrow();
    expect(() => assertCredential('a'.repeat(CREDENTIAL_MIN_LENGTH))).not.toThrow();
    expect(() => assertCredential('_-'.repeat(CREDENTIAL_MAX_LENGTH / 2))).not.toThrow();
  });

  it('refuses anything else without repeating it', () => {
    for (const value of [undefined, null, 42, { credential }, [credential], Buffer.from(credential)]) {
      expect(() => assertCredential(value)).toThrow(TypeError);
    }
    for (const value of [
      '',
      'a'.repeat(CREDENTIAL_MIN_LENGTH - 1),
      'a'.repeat(CREDENTIAL_MAX_LENGTH + 1),
      `${credential}=`,
      credential.replace('_', '/'),
      credential.replace('-', '+'),
      `${credential}\n`,
      ` ${credential}`,
      `${credential.slice(0, 20)}é${credential.slice(21)}`,
      `${credential.slice(0, 20)}\u0000${credential.slice(21)}`,
    ]) {
      expect(() => assertCredential(value), JSON.stringify(value)).toThrow(RangeError);
    }
    let refusal: Error | undefined;
    try {
      assertCredential(`${credential}!`);
    } catch (error) {
      refusal = error as Error;
    }
    expect(refusal?.message).toMatch(/base64url/);
    expect(refusal?.message).not.toContain(credential);
  });
});

describe('CredentialStore', () => {
  it('answers null while nothing is kept, without a warning', async () => {
    expect(await store().load()).toBeNull();
    expect(warnings).toEqual([]);
  });

  it('keeps a credential encrypted and reads it back, in a new store too', async () => {
    const cipher = fakeCipher();
    await store(cipher).save(credential);
    expect(cipher.encrypted).toBe(1);
    expect(await store(cipher).load()).toBe(credential);

    const file = await readFile(path.join(directory, CREDENTIAL_FILE_NAME));
    expect(file.subarray(0, 19).toString('ascii')).toBe('kassa-credential 1\n');
    expect(file.includes(Buffer.from(credential))).toBe(false);
    expect(warnings).toEqual([]);
  });

  it.skipIf(process.platform === 'win32')('writes the file for its owner only', async () => {
    await store().save(credential);
    expect((await stat(path.join(directory, CREDENTIAL_FILE_NAME))).mode & 0o777).toBe(0o600);
  });

  it('replaces the credential and leaves no temporary file behind', async () => {
    const credentials = store();
    await credentials.save(credential);
    await credentials.save(otherCredential);
    expect(await credentials.load()).toBe(otherCredential);
    expect(await readdir(directory)).toEqual([CREDENTIAL_FILE_NAME]);
  });

  it('creates the profile folder when it does not exist yet', async () => {
    const folder = path.join(directory, 'profile', 'nested');
    await store(fakeCipher(), folder).save(credential);
    expect(await store(fakeCipher(), folder).load()).toBe(credential);
  });

  it('clears the credential, and clearing twice is fine', async () => {
    const credentials = store();
    await credentials.save(credential);
    await credentials.clear();
    expect(await credentials.load()).toBeNull();
    await credentials.clear();
    expect(await readdir(directory)).toEqual([]);
  });

  it('refuses to save when the cipher is unavailable and writes nothing, not even plain text', async () => {
    const cipher = fakeCipher(0x5a, false);
    await expect(store(cipher).save(credential)).rejects.toThrow(
      /not kept because the test key store is locked; Kassa never stores it unencrypted/,
    );
    expect(cipher.encrypted).toBe(0);
    expect(await readdir(directory)).toEqual([]);
  });

  it('refuses a bad argument before touching the disk, keeping the old credential', async () => {
    const cipher = fakeCipher();
    const credentials = store(cipher);
    await credentials.save(credential);
    await expect(credentials.save(42)).rejects.toThrow(TypeError);
    await expect(credentials.save('short')).rejects.toThrow(RangeError);
    await expect(credentials.save(`${credential}/`)).rejects.toThrow(RangeError);
    expect(cipher.encrypted).toBe(1);
    expect(await credentials.load()).toBe(credential);
  });

  it('keeps the old credential when encryption fails', async () => {
    const cipher = fakeCipher();
    await store(cipher).save(credential);
    const failing: CredentialCipher = {
      ...cipher,
      encrypt: () => {
        throw new Error('Error while encrypting the text provided to safeStorage.encryptString.');
      },
    };
    await expect(store(failing).save(otherCredential)).rejects.toThrow(/encrypting/);
    expect(await store(cipher).load()).toBe(credential);
    expect(await readdir(directory)).toEqual([CREDENTIAL_FILE_NAME]);
  });

  it('removes its temporary file when the rename fails', async () => {
    // A folder in the credential's place cannot be renamed over.
    await mkdir(path.join(directory, CREDENTIAL_FILE_NAME, 'inside'), { recursive: true });
    await expect(store().save(credential)).rejects.toThrow();
    expect(await readdir(directory)).toEqual([CREDENTIAL_FILE_NAME]);
  });

  it('runs operations in the order they were asked for', async () => {
    const credentials = store();
    const saved = credentials.save(credential);
    const cleared = credentials.clear();
    const savedAgain = credentials.save(otherCredential);
    const loaded = credentials.load();
    const clearedLast = credentials.clear();
    await Promise.all([saved, cleared, savedAgain, clearedLast]);
    expect(await loaded).toBe(otherCredential);
    expect(await credentials.load()).toBeNull();
  });

  it('goes on after a failed operation', async () => {
    const credentials = store();
    await expect(credentials.save('bad')).rejects.toThrow(RangeError);
    await credentials.save(credential);
    expect(await credentials.load()).toBe(credential);
  });

  describe('answers null and warns, never throws, for a file it cannot use', () => {
    const file = () => path.join(directory, CREDENTIAL_FILE_NAME);
    const header = Buffer.from('kassa-credential 1\n', 'ascii');

    async function expectUnpaired(cipher: CredentialCipher = fakeCipher()): Promise<void> {
      await expect(store(cipher).load()).resolves.toBeNull();
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain(directory);
      expect(warnings[0]).not.toContain(credential);
    }

    it('an empty file', async () => {
      await writeFile(file(), '');
      await expectUnpaired();
      expect(warnings[0]).toMatch(/not a Kassa credential file/);
    });

    it('another file under that name, such as the credential in plain text', async () => {
      await writeFile(file(), credential);
      await expectUnpaired();
    });

    it('the header alone', async () => {
      await writeFile(file(), header);
      await expectUnpaired();
    });

    it('bytes the cipher cannot decrypt', async () => {
      await writeFile(file(), Buffer.concat([header, Buffer.from('garbage that is no ciphertext')]));
      await expectUnpaired();
      expect(warnings[0]).toMatch(/does not decrypt/);
    });

    it('a file made with another key (another user or machine)', async () => {
      await store(fakeCipher(0x11)).save(credential);
      await expectUnpaired(fakeCipher(0x22));
    });

    it('a file that decrypts to something that is not a credential', async () => {
      const cipher = fakeCipher();
      await writeFile(file(), Buffer.concat([header, cipher.encrypt('{"not":"a credential"}')]));
      await expectUnpaired(cipher);
      expect(warnings[0]).toMatch(/not a credential/);
    });

    it('a file it may not read (here, a folder in its place)', async () => {
      await mkdir(file());
      await expectUnpaired();
      expect(warnings[0]).toMatch(/cannot read/);
    });

    it('a key store that has become unavailable, leaving the file in place', async () => {
      await store().save(credential);
      await expectUnpaired(fakeCipher(0x5a, false));
      expect(warnings[0]).toMatch(/the test key store is locked/);
      expect(await store().load()).toBe(credential);
    });
  });
});
