import { openFileSource } from '/work/main/main/engine/sif/file-source.ts';
import { loadSif } from '/work/main/main/engine/sif/load.ts';
import { formatList, formatHeader, formatInfo } from '/work/main/main/engine/sif/siftool-format.ts';
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
const dirs = ['/work/shared/fixtures/sif/', '/work/shared/fixtures/upstream-sylabs-sif/images/'];
let bad = 0;
for (const dir of dirs) for (const f of readdirSync(dir).filter(f => f.endsWith('.sif'))) {
  const src = await openFileSource(dir + f);
  const img = await loadSif(src);
  const cmp = (what: string, mine: string, args: string[]) => {
    const theirs = execFileSync('siftool', args).toString();
    if (mine !== theirs) { bad++; console.log('DIFF', f, what); console.log(JSON.stringify(mine)); console.log(JSON.stringify(theirs)); }
  };
  cmp('list', formatList(img), ['list', dir + f]);
  cmp('header', formatHeader(img.header), ['header', dir + f]);
  for (const d of img.descriptors) cmp('info ' + d.id, formatInfo(d), ['info', String(d.id), dir + f]);
  await src.close();
}
console.log('bad', bad);
