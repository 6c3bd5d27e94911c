import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  type KeyObject,
  privateEncrypt,
  randomBytes,
  constants as rsa,
} from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DigestInfo } from '@peculiar/asn1-rsa';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import { AlgorithmIdentifier } from '@peculiar/asn1-x509';

/**
 * The local signing stand-in's private keys, at rest under <DATA_DIR>/signing/keys/: each a PKCS #8
 * key sealed with AES-256-GCM under the data dir's master key (bound to the key's id, so a file
 * renamed to another credential does not open). A real provider keeps its keys in an HSM; this
 * only keeps a copied data dir from handing out usable keys without the master key file.
 */

const KEY_FILE_VERSION = 1;

interface SealedKey {
  v: number;
  iv: string;
  tag: string;
  data: string;
}

export function signingDir(dataDir: string): string {
  return join(dataDir, 'signing');
}

function writePrivateFile(file: string, content: string | Buffer): void {
  // Written aside and renamed: a crash never leaves half a key behind.
  const temp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(temp, content, { mode: 0o600 });
  renameSync(temp, file);
}

const masterKeys = new Map<string, Buffer>();

function masterKey(dataDir: string): Buffer {
  const known = masterKeys.get(dataDir);
  if (known) return known;
  const dir = signingDir(dataDir);
  const file = join(dir, 'master.key');
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    // 'wx': two processes starting on a new data dir must not each write a different master key.
    try {
      writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== 32) throw new Error(`Khóa chủ của dịch vụ ký số hỏng: ${file}`);
  masterKeys.set(dataDir, key);
  return key;
}

const keyFile = (dataDir: string, id: string) => join(signingDir(dataDir), 'keys', `${id.replace(/[^A-Za-z0-9_-]/g, '_')}.key`);

export function saveKey(dataDir: string, id: string, pkcs8: Buffer): void {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', masterKey(dataDir), iv);
  cipher.setAAD(Buffer.from(id));
  const data = Buffer.concat([cipher.update(pkcs8), cipher.final()]);
  const sealed: SealedKey = {
    v: KEY_FILE_VERSION,
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    data: data.toString('base64'),
  };
  mkdirSync(join(signingDir(dataDir), 'keys'), { recursive: true, mode: 0o700 });
  writePrivateFile(keyFile(dataDir, id), JSON.stringify(sealed));
}

export function hasKey(dataDir: string, id: string): boolean {
  return existsSync(keyFile(dataDir, id));
}

/** The PKCS #8 bytes of a key (for WebCrypto imports). */
export function loadKeyBytes(dataDir: string, id: string): Buffer {
  const sealed = JSON.parse(readFileSync(keyFile(dataDir, id), 'utf8')) as SealedKey;
  const decipher = createDecipheriv('aes-256-gcm', masterKey(dataDir), Buffer.from(sealed.iv, 'base64'));
  decipher.setAAD(Buffer.from(id));
  decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]);
}

const keyObjects = new Map<string, KeyObject>();

/** The key as a Node KeyObject, kept in memory once opened (signing is then a single RSA operation). */
export function loadKey(dataDir: string, id: string): KeyObject {
  const cacheKey = `${dataDir}\0${id}`;
  let key = keyObjects.get(cacheKey);
  if (!key) {
    key = createPrivateKey({ key: loadKeyBytes(dataDir, id), format: 'der', type: 'pkcs8' });
    keyObjects.set(cacheKey, key);
  }
  return key;
}

const SHA256_OID = '2.16.840.1.101.3.4.2.1';

/**
 * RSASSA-PKCS1-v1_5 over a SHA-256 computed elsewhere (CSC signHash, the TSA): the DigestInfo of the
 * hash, padded and raised to the private key.
 */
export function signSha256Hash(key: KeyObject, hash: Buffer): Buffer {
  const digestInfo = new DigestInfo({
    digestAlgorithm: new AlgorithmIdentifier({ algorithm: SHA256_OID, parameters: null }),
    digest: new OctetString(hash),
  });
  return privateEncrypt({ key, padding: rsa.RSA_PKCS1_PADDING }, Buffer.from(AsnConvert.serialize(digestInfo)));
}

export { writePrivateFile };
