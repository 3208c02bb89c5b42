import * as openpgp from 'openpgp';
import { readFileSync } from 'node:fs';
const k = await openpgp.readPrivateKey({ armoredKey: readFileSync('/work/shared/fixtures/upstream-sylabs-sif/keys/private.asc', 'utf8') });
console.log(k.getCreationTime(), k.users.map(u => [u.userID?.userID, u.selfCertifications.map(s => s.created)]), k.subkeys.map(s => [s.getCreationTime(), s.bindingSignatures.map(b => b.created)]));
console.log(k.isDecrypted(), k.getAlgorithmInfo());
