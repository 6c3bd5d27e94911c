import { SignPdf } from '@signpdf/signpdf';
import { Signer } from '@signpdf/utils';
import { addTimestamp, contentInfoDer, type HashSigner, type pkijs, signatureValue, signDetached } from './cms';

/**
 * The CMS step of a PAdES signature (pades.ts): @signpdf/signpdf fills the placeholder with a
 * detached CMS signature carrying an RFC 3161 timestamp. Its own module, imported with the first
 * signature, so that an idle server does not load the signing libraries (issue 11).
 */
class CmsSigner extends Signer {
  constructor(
    private readonly chain: pkijs.Certificate[],
    private readonly signHash: HashSigner,
    private readonly timestamp: (message: Buffer) => Promise<pkijs.ContentInfo>,
  ) {
    super();
  }

  override async sign(content: Buffer): Promise<Buffer> {
    const signedData = await signDetached(content, this.chain, this.signHash);
    addTimestamp(signedData, await this.timestamp(signatureValue(signedData)));
    return contentInfoDer(signedData);
  }
}

export function signPrepared(
  prepared: Buffer,
  chain: pkijs.Certificate[],
  signHash: HashSigner,
  timestamp: (message: Buffer) => Promise<pkijs.ContentInfo>,
): Promise<Buffer> {
  return new SignPdf().sign(prepared, new CmsSigner(chain, signHash, timestamp));
}
