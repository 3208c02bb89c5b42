/** How a signature object's data is encoded (spec B4, B7, B8). */
export type SignatureFormat = 'pgp' | 'legacy' | 'dsse' | 'unknown';

const BEGIN_MESSAGE = '-----BEGIN PGP SIGNED MESSAGE-----';
const BEGIN_SIGNATURE = '-----BEGIN PGP SIGNATURE-----';
const END_SIGNATURE = '-----END PGP SIGNATURE-----';

/**
 * Tells the kinds of signature object apart without verifying anything (spec B6 step 3, B7,
 * B8): a clear-signed block whose text starts with `SIFHASH:` is legacy, any other clear-signed
 * block is the current format, a JSON envelope with `payloadType` and `signatures` is DSSE.
 */
export function classifySignature(text: string): SignatureFormat {
  const body = clearSignedText(text);
  if (body !== undefined) return /^SIFHASH:\r?\n/.test(body) ? 'legacy' : 'pgp';
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    try {
      const json: unknown = JSON.parse(trimmed);
      if (
        typeof json === 'object' &&
        json !== null &&
        'payloadType' in json &&
        'signatures' in json
      ) {
        return 'dsse';
      }
    } catch {
      return 'unknown';
    }
  }
  return 'unknown';
}

/**
 * The (dash-escaped) text part of a clear-signed block, or undefined when `text` is not one.
 * Only for classification; the verifier lets openpgp.js parse the block for real.
 */
function clearSignedText(text: string): string | undefined {
  const start = text.indexOf(BEGIN_MESSAGE);
  if (start < 0) return undefined;
  const blank = text.slice(start).search(/\r?\n\r?\n/);
  if (blank < 0) return undefined;
  const rest = text.slice(start + blank).replace(/^\r?\n\r?\n/, '');
  const end = rest.indexOf(BEGIN_SIGNATURE);
  return end < 0 ? undefined : rest.slice(0, end);
}

/**
 * Writes a clear-signed block the way Go's `clearsign` encoder does (spec B4): `Hash:` header,
 * blank line, dash-escaped text, the signature armor with 64-column base64, a CRC-24 line, and
 * no newline after the last line. `hashName` is the armor name (`SHA256`).
 */
export function armorClearSigned(text: string, hashName: string, packets: Uint8Array): string {
  const escaped = text
    .split('\n')
    .map((line) => (line.startsWith('-') ? `- ${line}` : line))
    .join('\n');
  const base64 = Buffer.from(packets).toString('base64');
  const lines = base64.match(/.{1,64}/g) ?? [];
  return [
    BEGIN_MESSAGE,
    `Hash: ${hashName}`,
    '',
    escaped,
    BEGIN_SIGNATURE,
    '',
    ...lines,
    `=${crc24Base64(packets)}`,
    END_SIGNATURE,
  ].join('\n');
}

/** OpenPGP armor checksum (RFC 4880 §6.1), base64 of the 3-byte CRC-24. */
export function crc24Base64(bytes: Uint8Array): string {
  let crc = 0xb704ce;
  for (const byte of bytes) {
    crc ^= byte << 16;
    for (let i = 0; i < 8; i += 1) {
      crc <<= 1;
      if (crc & 0x1000000) crc ^= 0x1864cfb;
    }
  }
  crc &= 0xffffff;
  return Buffer.from([crc >> 16, (crc >> 8) & 0xff, crc & 0xff]).toString('base64');
}
