import { randomBytes, webcrypto } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config';
import { loadKeyBytes, saveKey, signingDir, writePrivateFile } from './key-store';
import { x509 } from './x509';

/**
 * The local stand-in's certificate authority: a root CA, an issuing CA under it, a timestamp
 * authority certificate, and the certificates it issues to officers and agency seals. Made once per
 * data dir on first use (<DATA_DIR>/signing/authority.json, keys in the key store) with
 * @peculiar/x509. The CRL of the issuing CA is served at a stable URL (/pki/issuing-ca.crl) that
 * every issued certificate names.
 */

const subtle = webcrypto.subtle;
export const RSA_SHA256 = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const;
const KEY_PARAMS = { ...RSA_SHA256, publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 };
const YEAR_MS = 365 * 24 * 3600 * 1000;
const CA_VALID_FROM = new Date('2020-01-01T00:00:00Z');

export const PKI_PATHS = {
  root: '/pki/root-ca.crt',
  issuing: '/pki/issuing-ca.crt',
  crl: '/pki/issuing-ca.crl',
} as const;

export interface Authority {
  root: x509.X509Certificate;
  issuing: x509.X509Certificate;
  tsa: x509.X509Certificate;
  dataDir: string;
}

export const KEY_IDS = { root: 'root-ca', issuing: 'issuing-ca', tsa: 'tsa' } as const;

/** The address other parties fetch the CA's files from (PUBLIC_URL, else this server). */
export function publicBaseOf(config: Pick<Config, 'PUBLIC_URL' | 'HOST' | 'PORT'>): string {
  return (config.PUBLIC_URL ?? `http://${config.HOST}:${config.PORT}`).replace(/\/$/, '');
}

async function newKeyPair(dataDir: string, id: string): Promise<CryptoKeyPair> {
  const keys = (await subtle.generateKey(KEY_PARAMS, true, ['sign', 'verify'])) as CryptoKeyPair;
  saveKey(dataDir, id, Buffer.from(await subtle.exportKey('pkcs8', keys.privateKey)));
  return keys;
}

export async function signingKeyOf(dataDir: string, id: string): Promise<CryptoKey> {
  return subtle.importKey('pkcs8', loadKeyBytes(dataDir, id), RSA_SHA256, false, ['sign']);
}

/** A positive serial of 128 random bits. */
function newSerial(): string {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0]! & 0x7f) | 0x10;
  return bytes.toString('hex');
}

const caName = (cn: string): x509.JsonName => [{ CN: [cn] }, { O: ['Dịch vụ công tỉnh Quảng Ngãi (thử nghiệm)'] }, { C: ['VN'] }];

async function createAuthority(config: Config): Promise<Authority> {
  const dataDir = config.DATA_DIR;
  const base = publicBaseOf(config);
  const now = new Date();
  // The stand-in's CAs are valid from long before: the app's clock (tests, demo history) may be behind.
  const since = CA_VALID_FROM;
  const rootKeys = await newKeyPair(dataDir, KEY_IDS.root);
  const root = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: newSerial(),
    name: caName('DVC Quảng Ngãi Root CA (thử nghiệm)'),
    notBefore: since,
    notAfter: new Date(now.getTime() + 20 * YEAR_MS),
    keys: rootKeys,
    signingAlgorithm: RSA_SHA256,
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(rootKeys.publicKey),
    ],
  });
  const issuingKeys = await newKeyPair(dataDir, KEY_IDS.issuing);
  const issuing = await x509.X509CertificateGenerator.create({
    serialNumber: newSerial(),
    subject: caName('DVC Quảng Ngãi Issuing CA (thử nghiệm)'),
    issuer: root.subjectName,
    notBefore: since,
    notAfter: new Date(now.getTime() + 10 * YEAR_MS),
    publicKey: issuingKeys.publicKey,
    signingKey: rootKeys.privateKey,
    signingAlgorithm: RSA_SHA256,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(issuingKeys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(rootKeys.publicKey),
    ],
  });
  const tsaKeys = await newKeyPair(dataDir, KEY_IDS.tsa);
  const tsa = await x509.X509CertificateGenerator.create({
    serialNumber: newSerial(),
    subject: caName('DVC Quảng Ngãi Timestamp Authority (thử nghiệm)'),
    issuer: issuing.subjectName,
    notBefore: since,
    notAfter: new Date(now.getTime() + 5 * YEAR_MS),
    publicKey: tsaKeys.publicKey,
    signingKey: issuingKeys.privateKey,
    signingAlgorithm: RSA_SHA256,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.timeStamping], true),
      await x509.AuthorityKeyIdentifierExtension.create(issuingKeys.publicKey),
      new x509.CRLDistributionPointsExtension([`${base}${PKI_PATHS.crl}`]),
    ],
  });
  mkdirSync(signingDir(dataDir), { recursive: true, mode: 0o700 });
  writePrivateFile(
    join(signingDir(dataDir), 'authority.json'),
    JSON.stringify({ root: root.toString('pem'), issuing: issuing.toString('pem'), tsa: tsa.toString('pem') }, null, 2),
  );
  return { root, issuing, tsa, dataDir };
}

const authorities = new Map<string, Promise<Authority>>();

/** The data dir's authority, made on first use (concurrent first uses share one making). */
export function authorityOf(config: Config): Promise<Authority> {
  let a = authorities.get(config.DATA_DIR);
  if (!a) {
    const file = join(signingDir(config.DATA_DIR), 'authority.json');
    a = existsSync(file)
      ? Promise.resolve(readAuthority(config.DATA_DIR, file))
      : createAuthority(config).catch((err) => {
          authorities.delete(config.DATA_DIR);
          throw err;
        });
    authorities.set(config.DATA_DIR, a);
  }
  return a;
}

function readAuthority(dataDir: string, file: string): Authority {
  const pems = JSON.parse(readFileSync(file, 'utf8')) as { root: string; issuing: string; tsa: string };
  return {
    root: new x509.X509Certificate(pems.root),
    issuing: new x509.X509Certificate(pems.issuing),
    tsa: new x509.X509Certificate(pems.tsa),
    dataDir,
  };
}

export interface NewCertificate {
  certificate: x509.X509Certificate;
  serialNumber: string;
}

/** A signing certificate for an officer (their name) or an agency's seal (the agency's name). */
export async function issueSignerCertificate(
  config: Config,
  authority: Authority,
  input: { keyId: string; subjectName: string; agencyName: string; kind: 'officer' | 'seal'; now: Date },
): Promise<NewCertificate> {
  const keys = await newKeyPair(authority.dataDir, input.keyId);
  const serialNumber = newSerial();
  const subject: x509.JsonName = [
    { CN: [input.subjectName] },
    ...(input.kind === 'officer' ? [{ O: [input.agencyName] }] : []),
    { L: ['Quảng Ngãi'] },
    { C: ['VN'] },
  ];
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber,
    subject,
    issuer: authority.issuing.subjectName,
    // A minute back: a verifier whose clock is a little behind still sees it valid.
    notBefore: new Date(input.now.getTime() - 60_000),
    notAfter: new Date(input.now.getTime() + 3 * YEAR_MS),
    publicKey: keys.publicKey,
    signingKey: await signingKeyOf(authority.dataDir, KEY_IDS.issuing),
    signingAlgorithm: RSA_SHA256,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(authority.issuing.publicKey),
      new x509.CRLDistributionPointsExtension([`${publicBaseOf(config)}${PKI_PATHS.crl}`]),
    ],
  });
  return { certificate, serialNumber };
}

/** The issuing CA's CRL (DER), valid for a day. */
export async function buildCrl(
  authority: Authority,
  revoked: { serialNumber: string; revokedAt: Date }[],
  now: Date,
): Promise<Buffer> {
  const crl = await x509.X509CrlGenerator.create({
    issuer: authority.issuing.subjectName,
    thisUpdate: now,
    nextUpdate: new Date(now.getTime() + 24 * 3600 * 1000),
    signingKey: await signingKeyOf(authority.dataDir, KEY_IDS.issuing),
    signingAlgorithm: RSA_SHA256,
    entries: revoked.map((r) => ({ serialNumber: r.serialNumber, revocationDate: r.revokedAt })),
    extensions: [await x509.AuthorityKeyIdentifierExtension.create(authority.issuing.publicKey)],
  });
  return Buffer.from(crl.rawData);
}
