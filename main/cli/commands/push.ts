import { join, resolve } from 'node:path';
import { formatReference, parseReference } from '../../engine/registry/reference.js';
import { FileDigestCache } from '../../engine/transfers/digest-cache.js';
import { pushSif } from '../../engine/transfers/push.js';
import { FileUploadSessionStore } from '../../engine/transfers/upload-sessions.js';
import { describePush } from '../../engine/transfers/push-summary.js';
import type { Command, CommandContext } from '../command.js';
import { CONFIG_FILES } from '../config-dir.js';
import { FileUploadTuningStore } from '../../engine/registry/upload-tuning-file.js';

/**
 * `sifport push FILE.sif oras://REGISTRY/REPO:TAG`: pushes as `apptainer push` does
 * (oras.md §1.2), remembering file digests and the registry's upload quirks in the config
 * directory. The last line of stdout is the manifest digest.
 */
export const pushCommand: Command = {
  name: 'push',
  synopsis: 'FILE.sif oras://REGISTRY/REPO:TAG',
  summary: 'push a SIF image; the last line printed is the manifest digest',
  details: [
    'The manifest is byte-identical to what `apptainer push` writes. Ctrl-C cancels the upload.',
  ],
  flags: [],
  arity: { min: 2, max: 2 },
  async run(ctx: CommandContext): Promise<void> {
    const [file, target] = ctx.args.positionals as [string, string];
    const reference = parseReference(target);
    const client = await ctx.connect(reference.registry, { repository: reference.repository });
    const tuning = await FileUploadTuningStore.open(join(ctx.configDir, CONFIG_FILES.uploadTuning));
    ctx.onExit(() => tuning.flush());
    const bar = ctx.progressBar();
    const result = await pushSif({
      client,
      file: resolve(ctx.cwd, file),
      reference,
      digestCache: new FileDigestCache(join(ctx.configDir, CONFIG_FILES.digestCache)),
      tuning,
      uploadSessions: new FileUploadSessionStore(join(ctx.configDir, CONFIG_FILES.uploadSessions)),
      signal: ctx.signal,
      onProgress: bar?.update,
    });
    bar?.clear();
    ctx.out.result(result);
    ctx.out.line(`Pushed ${file} to ${formatReference(reference)} (${describePush(result)}).`);
    ctx.out.line(result.manifestDigest);
  },
};
