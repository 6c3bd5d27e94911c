import { randomBytes } from 'node:crypto';
import type { AppContext } from '../http/context';
import { asn1js, certificateOf, contentInfoDer, OID, pkijs, signDetached, toArrayBuffer } from './cms';
import { loadKey, signSha256Hash } from './key-store';
import { authorityOf, KEY_IDS } from './pki';

/**
 * The local RFC 3161 timestamp authority (default when SIGNING_TSA_URL is unset): answers a
 * TimeStampReq (DER) with a TimeStampResp whose token is signed by the stand-in's TSA certificate
 * (extended key usage timeStamping, issued by the issuing CA). Time is the app's clock.
 */

export const TSA_PATH = '/tsa';
/** A policy of our own under the UUID arc (ITU-T X.667): no registration needed. */
export const TSA_POLICY = '2.25.151285633391446386316425187092925713721';

function rejection(failBit: number): Buffer {
  const failInfo = new asn1js.BitString({ valueHex: toArrayBuffer(Buffer.from([1 << (7 - failBit)])), unusedBits: 7 - failBit });
  const response = new pkijs.TimeStampResp({ status: new pkijs.PKIStatusInfo({ status: 2, failInfo }) });
  return Buffer.from(response.toSchema().toBER());
}

/** The TSA's certificates parsed once per authority (their bytes never change; parsing took ~4 ms a token). */
const parsedChains = new WeakMap<object, { tsa: pkijs.Certificate; issuing: pkijs.Certificate }>();
function parsedChainOf(authority: Awaited<ReturnType<typeof authorityOf>>) {
  let parsed = parsedChains.get(authority);
  if (!parsed) {
    parsed = { tsa: certificateOf(authority.tsa.rawData), issuing: certificateOf(authority.issuing.rawData) };
    parsedChains.set(authority, parsed);
  }
  return parsed;
}

export async function answerTimeStampQuery(ctx: AppContext, der: Buffer): Promise<Buffer> {
  let request: pkijs.TimeStampReq;
  try {
    request = pkijs.TimeStampReq.fromBER(toArrayBuffer(der));
  } catch {
    return rejection(5); // badDataFormat
  }
  if (request.messageImprint.hashAlgorithm.algorithmId !== OID.sha256) return rejection(0); // badAlg
  const authority = await authorityOf(ctx.config);
  const info = new pkijs.TSTInfo({
    version: 1,
    policy: TSA_POLICY,
    messageImprint: request.messageImprint,
    serialNumber: new asn1js.Integer({ valueHex: toArrayBuffer(Buffer.concat([Buffer.from([0x01]), randomBytes(15)])) }),
    genTime: ctx.now(),
    accuracy: new pkijs.Accuracy({ seconds: 1 }),
    ...(request.nonce ? { nonce: request.nonce } : {}),
  });
  const encoded = Buffer.from(info.toSchema().toBER());
  const { tsa, issuing } = parsedChainOf(authority);
  const chain = [tsa, ...(request.certReq ? [issuing] : [])];
  const key = loadKey(authority.dataDir, KEY_IDS.tsa);
  const signed = await signDetached(encoded, chain, async (hash) => signSha256Hash(key, hash), {
    contentType: OID.tstInfo,
    eContent: toArrayBuffer(encoded),
  });
  const token = pkijs.ContentInfo.fromBER(toArrayBuffer(contentInfoDer(signed)));
  const response = new pkijs.TimeStampResp({ status: new pkijs.PKIStatusInfo({ status: 0 }), timeStampToken: token });
  return Buffer.from(response.toSchema().toBER());
}
