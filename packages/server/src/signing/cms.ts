import { createHash, randomBytes, webcrypto } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

/**
 * CMS building blocks with PKI.js: the signing-certificate-v2 attribute (RFC 5035, required by
 * PAdES and RFC 3161 tokens), a SignedData whose signature value comes from elsewhere (a remote
 * signHash), and RFC 3161 requests and tokens.
 */

pkijs.setEngine('node', new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto as unknown as Crypto }));

export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  timeStampToken: '1.2.840.113549.1.9.16.2.14',
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  sha256: '2.16.840.1.101.3.4.2.1',
} as const;

export const sha256 = (data: Uint8Array | ArrayBuffer) =>
  createHash('sha256')
    .update(data instanceof ArrayBuffer ? new Uint8Array(data) : data)
    .digest();

export const toArrayBuffer = (b: Uint8Array): ArrayBuffer =>
  b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

export function certificateOf(der: Uint8Array | ArrayBuffer): pkijs.Certificate {
  return pkijs.Certificate.fromBER(der instanceof ArrayBuffer ? der : toArrayBuffer(der));
}

/** SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 } with ESSCertIDv2 { certHash } (SHA-256 default). */
function signingCertificateV2(cert: pkijs.Certificate): pkijs.Attribute {
  const certHash = sha256(cert.toSchema().toBER());
  const essCertId = new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: toArrayBuffer(certHash) })] });
  return new pkijs.Attribute({
    type: OID.signingCertificateV2,
    values: [new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertId] })] })],
  });
}

function signedAttributes(contentType: string, digest: Buffer, signer: pkijs.Certificate): pkijs.SignedAndUnsignedAttributes {
  return new pkijs.SignedAndUnsignedAttributes({
    type: 0,
    attributes: [
      new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: contentType })] }),
      new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: toArrayBuffer(digest) })] }),
      signingCertificateV2(signer),
    ],
  });
}

/** A signature over data that someone else computes: given the SHA-256 of the DER signed attributes. */
export type HashSigner = (hash: Buffer) => Promise<Buffer>;

/** PKI.js calls the engine to sign: this one hands the hash of what it would sign to the remote signer. */
class RemoteSigningEngine extends pkijs.CryptoEngine {
  constructor(private readonly signHash: HashSigner) {
    super({ name: 'remote', crypto: webcrypto as unknown as Crypto });
  }
  override async signWithPrivateKey(data: BufferSource): Promise<ArrayBuffer> {
    const bytes = ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data);
    return toArrayBuffer(await this.signHash(sha256(bytes)));
  }
}

/** Stands for the key the remote service holds: PKI.js reads only its algorithm. */
const REMOTE_RSA_KEY = {
  algorithm: { name: 'RSASSA-PKCS1-v1_5', hash: { name: 'SHA-256' } },
  type: 'private',
} as unknown as CryptoKey;

/**
 * A detached CMS SignedData (the PDF's signed bytes are not inside) with signed attributes
 * content-type, message-digest and signing-certificate-v2; `chain` starts with the signer.
 */
export async function signDetached(
  content: Buffer,
  chain: pkijs.Certificate[],
  signHash: HashSigner,
  options: { contentType?: string; eContent?: ArrayBuffer } = {},
): Promise<pkijs.SignedData> {
  const signer = chain[0]!;
  const contentType = options.contentType ?? OID.data;
  const signedData = new pkijs.SignedData({
    version: contentType === OID.data ? 1 : 3,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({
      eContentType: contentType,
      ...(options.eContent ? { eContent: new asn1js.OctetString({ valueHex: options.eContent }) } : {}),
    }),
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: signer.issuer, serialNumber: signer.serialNumber }),
        signedAttrs: signedAttributes(contentType, sha256(content), signer),
      }),
    ],
    certificates: chain,
  });
  await signedData.sign(REMOTE_RSA_KEY, 0, 'SHA-256', undefined, new RemoteSigningEngine(signHash));
  return signedData;
}

export function contentInfoDer(signedData: pkijs.SignedData): Buffer {
  const info = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
  return Buffer.from(info.toSchema().toBER());
}

/** The signature value of the first signer: what an RFC 3161 timestamp of a CMS signature covers. */
export function signatureValue(signedData: pkijs.SignedData): Buffer {
  return Buffer.from(signedData.signerInfos[0]!.signature.valueBlock.valueHexView);
}

export function timeStampRequest(message: Buffer): { der: Buffer; nonce: Buffer } {
  const nonce = randomBytes(8);
  nonce[0] = nonce[0]! & 0x7f;
  const request = new pkijs.TimeStampReq({
    version: 1,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256, algorithmParams: new asn1js.Null() }),
      hashedMessage: new asn1js.OctetString({ valueHex: toArrayBuffer(sha256(message)) }),
    }),
    nonce: new asn1js.Integer({ valueHex: toArrayBuffer(nonce) }),
    certReq: true,
  });
  return { der: Buffer.from(request.toSchema().toBER()), nonce };
}

/** Checks a TSA's answer against the request and returns its token (a ContentInfo). */
export function tokenOfResponse(der: Buffer, message: Buffer): pkijs.ContentInfo {
  const response = pkijs.TimeStampResp.fromBER(toArrayBuffer(der));
  if (response.status.status !== 0 && response.status.status !== 1)
    throw new Error(`TSA refused: status ${response.status.status}`);
  const token = response.timeStampToken;
  if (!token) throw new Error('TSA answered without a token');
  const info = tstInfoOf(token);
  if (!Buffer.from(info.messageImprint.hashedMessage.valueBlock.valueHexView).equals(sha256(message)))
    throw new Error('TSA token covers another message');
  return token;
}

export function tstInfoOf(token: pkijs.ContentInfo): pkijs.TSTInfo {
  const signed = new pkijs.SignedData({ schema: token.content });
  const eContent = signed.encapContentInfo.eContent;
  if (!eContent) throw new Error('timestamp token without TSTInfo');
  return pkijs.TSTInfo.fromBER(toArrayBuffer(new Uint8Array(eContent.getValue())));
}

/** Adds the timestamp token as the unsigned attribute of the first signer (CAdES-T / PAdES B-T). */
export function addTimestamp(signedData: pkijs.SignedData, token: pkijs.ContentInfo): void {
  signedData.signerInfos[0]!.unsignedAttrs = new pkijs.SignedAndUnsignedAttributes({
    type: 1,
    attributes: [new pkijs.Attribute({ type: OID.timeStampToken, values: [token.toSchema()] })],
  });
}

export { asn1js, pkijs };
