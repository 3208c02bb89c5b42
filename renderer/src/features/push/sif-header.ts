/**
 * What the push sheet needs to know of a file the browser holds (no path, so no `sif:inspect`
 * before it is uploaded): whether it is a SIF, its architecture, signatures, encryption and
 * labels, read from the header and the descriptor table (spec sif.md A2–A4, A7) without
 * reading the partitions. Pure: it reads through `read`, so tests feed it fixture bytes.
 */

/** Reads `length` bytes at `offset` (fewer at the end of the file). */
export type ByteReader = (offset: number, length: number) => Promise<Uint8Array>;

/** A SIF's facts for the push sheet, or why the file is not one. */
export type SifFacts =
  | {
      readonly ok: true;
      readonly version: string;
      readonly arch: string;
      readonly signatures: number;
      readonly encrypted: boolean;
      readonly labels: Readonly<Record<string, string>>;
    }
  | { readonly ok: false; readonly why: string };

const MAGIC = 'SIF_MAGIC\0';
const DESCRIPTOR_SIZE = 585;
const MAX_DESCRIPTORS = 4096;
const MAX_METADATA = 1024 * 1024;
const ARCHES = [
  'unknown',
  '386',
  'amd64',
  'arm',
  'arm64',
  'ppc64',
  'ppc64le',
  'mips',
  'mipsle',
  'mips64',
  'mips64le',
  's390x',
  'riscv64',
  'loong64',
];
const DATA_SIGNATURE = 0x4005;
const DATA_PARTITION = 0x4004;
const DATA_GENERIC_JSON = 0x4006;
const DATA_CRYPTO_MESSAGE = 0x4008;
const ENCRYPTED_FS = new Set([5, 6]);

const text = (bytes: Uint8Array): string =>
  new TextDecoder('latin1').decode(bytes).replace(/\0+$/, '');

function int64(view: DataView, offset: number): number {
  return Number(view.getBigInt64(offset, true));
}

/** Labels from apptainer's `inspect-metadata.json` object (`attributes.labels`), if any. */
function labelsOf(json: string): Record<string, string> {
  try {
    const labels = (JSON.parse(json) as { attributes?: { labels?: unknown } }).attributes?.labels;
    if (!labels || typeof labels !== 'object') return {};
    return Object.fromEntries(Object.entries(labels).map(([k, v]) => [k, String(v)]));
  } catch {
    return {};
  }
}

/** Reads the facts of the file of `size` bytes behind `read`. */
export async function readSifFacts(read: ByteReader, size: number): Promise<SifFacts> {
  if (size < 128) return { ok: false, why: 'the file is too short to be a SIF' };
  const head = await read(0, 128);
  if (text(head.subarray(32, 42)) + '\0' !== MAGIC) {
    return { ok: false, why: 'it does not start with the SIF header (no SIF_MAGIC)' };
  }
  const version = text(head.subarray(42, 45));
  if (version !== '01') return { ok: false, why: `SIF version ${version} is not supported` };
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const total = int64(view, 88);
  const offset = int64(view, 96);
  if (total < 0 || total > MAX_DESCRIPTORS || offset < 128 || offset + total * 585 > size) {
    return { ok: false, why: 'its descriptor table lies outside the file (damaged or cut short)' };
  }
  const table = await read(offset, total * DESCRIPTOR_SIZE);
  const facts = { signatures: 0, encrypted: false, labels: {} as Record<string, string> };
  for (let slot = 0; slot < total; slot++) {
    const at = slot * DESCRIPTOR_SIZE;
    const d = new DataView(table.buffer, table.byteOffset + at, DESCRIPTOR_SIZE);
    if (d.getUint8(4) !== 1) continue;
    const type = d.getInt32(0, true);
    if (type === DATA_SIGNATURE) facts.signatures++;
    if (type === DATA_CRYPTO_MESSAGE) facts.encrypted = true;
    if (type === DATA_PARTITION && ENCRYPTED_FS.has(d.getInt32(201, true))) facts.encrypted = true;
    const name = text(table.subarray(at + 73, at + 201));
    const objectSize = int64(d, 25);
    if (type === DATA_GENERIC_JSON && name === 'inspect-metadata.json') {
      const objectOffset = int64(d, 17);
      if (objectSize > 0 && objectSize <= MAX_METADATA && objectOffset + objectSize <= size) {
        facts.labels = labelsOf(new TextDecoder().decode(await read(objectOffset, objectSize)));
      }
    }
  }
  const archCode = Number(text(head.subarray(45, 48)));
  return { ok: true, version, arch: ARCHES[archCode] ?? 'unknown', ...facts };
}

/** {@link readSifFacts} of a browser `File` (slices are read lazily, never the whole file). */
export function readFileFacts(file: Blob): Promise<SifFacts> {
  const read: ByteReader = async (offset, length) =>
    new Uint8Array(await file.slice(offset, offset + length).arrayBuffer());
  return readSifFacts(read, file.size);
}
