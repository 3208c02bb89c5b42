import { SifportError } from '../../engine/errors.js';
import {
  formatList,
  inspectImage,
  loadSif,
  openFileSource,
  typeLabel,
} from '../../engine/sif/index.js';
import type { InspectReport, SifImage } from '../../engine/sif/index.js';
import { formatReference, parseReference } from '../../engine/registry/reference.js';
import { peekRemoteSif } from '../../engine/transfers/remote-inspect.js';
import { boolFlag, stringFlag, usageError } from '../args.js';
import type { Command, CommandContext } from '../command.js';
import { cliPath, withSifErrors } from './sif-support.js';

/** The sections `inspect` can print instead of its summary, one at a time. */
const SECTIONS = ['deffile', 'labels', 'env', 'objects'] as const;
type Section = (typeof SECTIONS)[number];

function isoTime(seconds: number): string {
  return seconds > 0 ? new Date(seconds * 1000).toISOString() : 'unset';
}

/** The report without raw descriptor bytes, fit for `--json`. */
function jsonReport(report: InspectReport): object {
  return {
    ...report,
    objects: report.objects.map(({ raw: _raw, ...object }) => object),
  };
}

function summaryLines(file: string, report: InspectReport): string[] {
  const lines = [
    `File:         ${file}`,
    `ID:           ${report.id}`,
    `Architecture: ${report.primaryArch}`,
    `Created:      ${isoTime(report.createdAt)}`,
    `Modified:     ${isoTime(report.modifiedAt)}`,
    `Objects:      ${report.objects.length}`,
  ];
  for (const p of report.partitions) {
    const flags = [p.primary ? 'primary' : '', p.encrypted ? 'encrypted' : '']
      .filter(Boolean)
      .join(', ');
    lines.push(
      `Partition:    object ${p.id}, ${p.fsTypeName} ${p.partTypeName} ${p.arch}, ${p.size} bytes${flags ? ` (${flags})` : ''}`,
    );
  }
  if (report.signatures.length === 0) lines.push('Signatures:   none');
  for (const s of report.signatures) {
    const target = `${s.linkedIsGroup ? 'group' : 'object'} ${s.linkedId}`;
    lines.push(
      `Signature:    object ${s.id}, ${s.format}${s.hashType ? ` ${s.hashType}` : ''}, ${target}, key ${s.fingerprint ?? 'unknown'} (not verified)`,
    );
  }
  lines.push(`Def. file:    ${report.deffile === undefined ? 'none' : 'yes (--deffile)'}`);
  for (const note of report.unavailable) lines.push(`Note:         ${note}`);
  return lines;
}

function chosenSection(ctx: CommandContext): Section | undefined {
  const chosen = SECTIONS.filter((s) => boolFlag(ctx.args, s));
  if (chosen.length > 1) {
    throw usageError(`inspect: choose one of ${chosen.map((s) => `--${s}`).join(', ')}`);
  }
  return chosen[0];
}

function missing(file: string, what: string, report: InspectReport): SifportError {
  const why = report.unavailable.length > 0 ? ` (${report.unavailable.join('; ')})` : '';
  return new SifportError('NOT_FOUND', `${file} has no ${what}${why}.`);
}

/** Prints one section of a loaded image, or the summary (plus `extra` lines, human only). */
async function printInspection(
  ctx: CommandContext,
  file: string,
  image: SifImage,
  section: Section | undefined,
  extra: () => string[] = () => [],
  inspected?: InspectReport,
): Promise<void> {
  const { out } = ctx;
  if (section === 'objects') {
    out.result({
      objects: image.descriptors.map((d) => {
        const { raw: _raw, ...fields } = d;
        return { ...fields, typeLabel: typeLabel(d) };
      }),
    });
    if (!out.json) out.text(formatList(image));
    return;
  }
  const report = inspected ?? (await inspectImage(image));
  switch (section) {
    case undefined:
      out.result(jsonReport(report));
      for (const line of [...summaryLines(file, report), ...extra()]) out.line(line);
      return;
    case 'deffile':
      if (report.deffile === undefined) throw missing(file, 'definition file', report);
      out.result({ deffile: report.deffile });
      if (!out.json) out.text(report.deffile);
      return;
    case 'labels': {
      const labels = report.metadata.labels;
      if (labels === undefined) throw missing(file, 'labels', report);
      out.result({ labels });
      for (const key of Object.keys(labels).sort()) out.line(`${key}: ${labels[key]}`);
      return;
    }
    case 'env': {
      const environment = report.metadata.environment;
      if (environment === undefined) throw missing(file, 'environment scripts', report);
      out.result({ environment });
      for (const name of Object.keys(environment).sort()) {
        out.line(`=== ${name} ===`);
        if (!out.json) out.text(environment[name]!);
      }
      return;
    }
  }
}

/**
 * Remote inspect (`peekRemoteSif`, which the window's SIF tab calls too): only the header,
 * the descriptor table and the objects inspect reads are fetched.
 */
async function inspectRemote(
  ctx: CommandContext,
  target: string,
  section: Section | undefined,
): Promise<void> {
  const reference = parseReference(target);
  const client = await ctx.connect(reference.registry);
  const peek = await peekRemoteSif(client, reference, {
    arch: stringFlag(ctx.args, 'arch'),
    signal: ctx.signal,
  });
  await printInspection(
    ctx,
    formatReference(reference),
    peek.image,
    section,
    () => {
      const { requests, bytesFetched, wholeBlob } = peek.stats;
      return [
        `Manifest:     ${peek.manifestDigest}`,
        `Fetched:      ${bytesFetched} of ${peek.layer.size} bytes in ${requests} request${requests === 1 ? '' : 's'}${wholeBlob ? ' (the registry ignores Range: read whole)' : ''}`,
      ];
    },
    peek.report,
  );
}

/** True for a registry reference (`oras://…`) rather than a local file. */
function isRemote(target: string): boolean {
  return /^oras:\/\//i.test(target);
}

/**
 * `sifport inspect FILE.sif|oras://REGISTRY/REPO:TAG [--deffile|--labels|--env|--objects]`:
 * what a SIF holds, read without keys (signatures are listed, not verified). `--objects`
 * prints the object table as `siftool list` does; `--json` prints the whole inspect report,
 * or only the chosen section. A SIF in a registry is read with HTTP Range requests.
 */
export const inspectCommand: Command = {
  name: 'inspect',
  synopsis: 'FILE.sif|oras://REGISTRY/REPO[:TAG|@DIGEST] [--deffile|--labels|--env|--objects]',
  summary: 'show what a SIF image holds (objects, definition file, labels, environment)',
  details: [
    'Without a section option it prints a summary: header, partitions and the signatures the',
    'image claims (run `sifport verify` to check them). --objects prints the object table as',
    '`siftool list` does. Labels and environment come from inspect-metadata.json, the',
    'JSON.Labels/Env.Vars objects or the squashfs partition (gzip or uncompressed).',
    'An oras:// reference is inspected in the registry with HTTP Range requests: only the',
    'header, descriptor table and small objects are fetched, never the whole image. A',
    'registry that ignores Range is refused unless the image is small (64 MiB at most).',
  ],
  flags: [
    { name: 'deffile', help: 'print the definition file the image was built from' },
    { name: 'labels', help: 'print the labels, one `KEY: VALUE` a line' },
    { name: 'env', help: 'print the environment scripts' },
    { name: 'objects', help: 'print the object table (as `siftool list`)' },
    {
      name: 'arch',
      value: 'ARCH',
      help: 'architecture to pick from an image index (oras:// only; amd64, arm64, …)',
    },
  ],
  arity: { min: 1, max: 1 },
  async run(ctx: CommandContext): Promise<void> {
    const target = ctx.args.positionals[0]!;
    const section = chosenSection(ctx);
    await withSifErrors(async () => {
      if (isRemote(target)) {
        await inspectRemote(ctx, target, section);
        return;
      }
      if (stringFlag(ctx.args, 'arch') !== undefined) {
        throw usageError('inspect: --arch applies to oras:// references only');
      }
      const source = await openFileSource(cliPath(ctx, target));
      try {
        await printInspection(ctx, target, await loadSif(source), section);
      } finally {
        await source.close();
      }
    });
  },
};
