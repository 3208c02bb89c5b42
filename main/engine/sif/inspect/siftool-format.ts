import type { SifDescriptor } from '../format/descriptor.js';
import type { SifHeader } from '../format/header.js';
import { UNSET_TIME } from '../format/layout.js';
import type { SifImage } from '../format/load.js';

const RULE = '-'.repeat(78);

/**
 * The object table exactly as `siftool list` prints it (spec A10). One deliberate difference:
 * for a signature with an invalid hash type siftool 2.8.3 prints a broken row with no type and
 * no newline; we print `|Signature (Unknown)`. OCI kinds use current upstream's names (sif
 * 2.8.3 says `Unknown`).
 */
export function formatList(image: SifImage): string {
  const lines = [
    RULE,
    `${'ID'.padEnd(4)} ${'|GROUP'.padEnd(8)} ${'|LINK'.padEnd(8)} ${'|SIF POSITION (start-end)'.padEnd(26)} |TYPE`,
    RULE,
  ];
  for (const d of image.descriptors) {
    const group = d.groupId === 0 ? 'NONE' : String(d.groupId);
    const link =
      d.linkedId === 0
        ? 'NONE'.padEnd(7)
        : d.linkedIsGroup
          ? `${String(d.linkedId).padEnd(3)} (G)`
          : String(d.linkedId).padEnd(7);
    const position = `|${d.offset}-${d.offset + d.size} `;
    lines.push(
      `${String(d.id).padEnd(4)} |${group.padEnd(7)} |${link} ${position.padEnd(26)} |${typeLabel(d)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** The type column of `siftool list`: name plus per-kind details (spec A10). */
export function typeLabel(d: SifDescriptor): string {
  const x = d.details;
  switch (x.kind) {
    case 'partition':
      return `${d.dataTypeName} (${x.fsTypeName}/${x.partTypeName}/${x.arch})`;
    case 'signature':
      return `${d.dataTypeName} (${x.hashTypeName ?? 'Unknown'})`;
    case 'crypto-message':
      return `${d.dataTypeName} (${x.formatName}/${x.messageName})`;
    case 'sbom':
      return `${d.dataTypeName} (${x.formatName})`;
    default:
      return d.dataTypeName;
  }
}

/** The key/value block `siftool header` prints (spec A10). */
export function formatHeader(header: SifHeader): string {
  const rows: [string, string][] = [];
  if (header.launchScript !== '') {
    rows.push(['Launch Script:', header.launchScript.replace(/\n$/, '')]);
  }
  rows.push(['Version:', header.version]);
  if (header.arch !== 'unknown') rows.push(['Primary Architecture:', header.arch]);
  if (!/^[0-]+$/.test(header.id)) rows.push(['ID:', header.id]);
  if (header.createdAt !== UNSET_TIME) rows.push(['Created At:', formatGoTime(header.createdAt)]);
  if (header.modifiedAt !== UNSET_TIME) {
    rows.push(['Modified At:', formatGoTime(header.modifiedAt)]);
  }
  rows.push(
    ['Descriptors Free:', String(header.descriptorsFree)],
    ['Descriptors Total:', String(header.descriptorsTotal)],
    ['Descriptors Offset:', String(header.descriptorsOffset)],
    ['Descriptors Size:', readableSize(header.descriptorsSize)],
    ['Data Offset:', String(header.dataOffset)],
    ['Data Size:', readableSize(header.dataSize)],
  );
  return alignRows(rows, '', 1);
}

/** The block `siftool info ID` prints for one object (spec A10; OCI `Digest:` as upstream). */
export function formatInfo(d: SifDescriptor): string {
  const rows: [string, string][] = [
    ['Data Type:', d.dataTypeName],
    ['ID:', String(d.id)],
    ['Group ID:', d.groupId === 0 ? 'NONE' : String(d.groupId)],
    ['Linked ID:', d.linkedId === 0 ? 'NONE' : `${d.linkedId}${d.linkedIsGroup ? ' (G)' : ''}`],
    ['Offset:', String(d.offset)],
    ['Size:', String(d.size)],
  ];
  if (d.createdAt !== UNSET_TIME) rows.push(['Created At:', formatGoTime(d.createdAt)]);
  if (d.modifiedAt !== UNSET_TIME) rows.push(['Modified At:', formatGoTime(d.modifiedAt)]);
  if (d.name !== '') rows.push(['Name:', d.name]);
  const x = d.details;
  if (x.kind === 'partition') {
    rows.push(
      ['Filesystem Type:', x.fsTypeName],
      ['Partition Type:', x.partTypeName],
      ['Architecture:', x.arch],
    );
  } else if (x.kind === 'signature') {
    rows.push(['Hash Type:', x.hashTypeName ?? 'Unknown']);
    if (x.fingerprint) rows.push(['Entity:', x.fingerprint]);
  } else if (x.kind === 'crypto-message') {
    rows.push(['Format Type:', x.formatName], ['Message Type:', x.messageName]);
  } else if (x.kind === 'sbom') {
    rows.push(['Format:', x.formatName]);
  } else if (x.kind === 'oci') {
    rows.push(['Digest:', x.digest]);
  }
  return alignRows(rows, '  ', 2);
}

/** Go's `time.Unix(s, 0).UTC().String()`, e.g. `2023-11-14 22:13:20 +0000 UTC`. */
export function formatGoTime(seconds: number): string {
  const date = new Date(seconds * 1000);
  if (Number.isNaN(date.getTime())) return String(seconds);
  return `${date
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, '')} +0000 UTC`;
}

/** siftool's size rounding: bytes below 1 KiB, else the nearest whole KiB/MiB/... */
export function readableSize(size: number): string {
  if (size > -1024 && size < 1024) return `${size} B`;
  let div = 1024;
  let exp = 0;
  for (let n = Math.trunc(size / 1024); n <= -1024 || n >= 1024; n = Math.trunc(n / 1024)) {
    div *= 1024;
    exp += 1;
  }
  return `${Math.round(size / div)} ${'KMGTPE'[exp] ?? '?'}iB`;
}

function alignRows(rows: readonly [string, string][], indent: string, padding: number): string {
  const width = Math.max(...rows.map(([key]) => key.length)) + padding;
  return rows.map(([key, value]) => `${indent}${key.padEnd(width)}${value}\n`).join('');
}
