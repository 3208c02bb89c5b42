import { readFileSync } from 'node:fs';
import { unlockPrivateKey, readPublicKeys } from '../main/engine/sif/pgp-keys.ts';
import { clearSign } from '../main/engine/sif/pgp-sign.ts';
import * as openpgp from 'openpgp';
const F = '/work/shared/fixtures/sif/';
const key = await unlockPrivateKey(readFileSync(F + 'test-private-protected.asc', 'utf8'), 'sifpeer-test-passphrase');
const text = readFileSync(F + 'unsigned.payload.json', 'utf8');
const r = await clearSign(text, key, { date: new Date(1700000100e3), reproducible: true });
console.log(r.armored);
const want = readFileSync(F + 'signed.signature.txt', 'utf8');
const pub = await readPublicKeys(readFileSync(F + 'test-public.asc', 'utf8'));
for (const t of [r.armored, want]) {
  const m = await openpgp.readCleartextMessage({ cleartextMessage: t });
  const v = await openpgp.verify({ message: m, verificationKeys: pub });
  await v.signatures[0]!.verified; console.log('verified', JSON.stringify(v.data));
}
try { await unlockPrivateKey(readFileSync(F + 'test-private-protected.asc', 'utf8'), 'nope'); } catch (e) { console.log(e.code, e.message); }
try { await unlockPrivateKey(readFileSync(F + 'test-private-protected.asc', 'utf8')); } catch (e) { console.log(e.code, e.message); }
