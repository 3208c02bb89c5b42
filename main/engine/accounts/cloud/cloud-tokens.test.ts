import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { isSifportError } from '../../errors.js';
import { redact } from '../../redact.js';
import { CloudTokens } from './cloud-tokens.js';
import { ACR_PRESET, ECR_PRESET, GCP_PRESET } from '../providers/cloud-presets.js';
import { FakeCloudClis, fakeToken } from '../../../../e2e/kit/index.js';
import { runTokenCommand } from './token-command.js';

const HOUR = 3_600_000;
let fakes: FakeCloudClis;
let env: Record<string, string | undefined>;

before(async () => {
  fakes = await FakeCloudClis.create();
  env = { ...process.env, PATH: fakes.path() };
});
after(() => fakes.remove());

/** CloudTokens with the fakes on PATH and a clock the test moves. */
function tokens(clock: { now: number }): CloudTokens {
  return new CloudTokens({ commandOptions: { env, timeoutMs: 5000 }, now: () => clock.now });
}

test('runs the preset commands without a shell and returns the printed token', async () => {
  const ecr = ECR_PRESET.tokenCommand!.argv({ region: 'eu-west-1' });
  assert.equal(await runTokenCommand(ecr, { env }), fakeToken('aws', 1));
  assert.equal(await fakes.lastArgs('aws'), 'ecr get-login-password --region eu-west-1');
  const acr = ACR_PRESET.tokenCommand!.argv({ name: 'myreg' });
  assert.equal(await runTokenCommand(acr, { env }), fakeToken('az', 1));
  assert.equal(
    await fakes.lastArgs('az'),
    'acr login --name myreg --expose-token --output tsv --query accessToken',
  );
  assert.equal(
    await runTokenCommand(GCP_PRESET.tokenCommand!.argv({}), { env }),
    fakeToken('gcloud', 1),
  );
  // Shell metacharacters are plain arguments: nothing is interpreted.
  await runTokenCommand(['aws', 'ecr', '$(touch pwned)', ';', 'echo'], { env });
  assert.equal(await fakes.lastArgs('aws'), 'ecr $(touch pwned) ; echo');
  assert.equal(redact(`x ${fakeToken('az', 1)} y`), 'x *** y');
});

test('a token is minted once, reused until shortly before expiry, then renewed', async () => {
  const clock = { now: 1_000_000 };
  const cloud = tokens(clock);
  const before = await fakes.calls('gcloud');
  const command = { argv: ['gcloud', 'auth', 'print-access-token'], lifetimeMs: HOUR };
  const [a, b] = await Promise.all([cloud.token('acc', command), cloud.token('acc', command)]);
  assert.equal(a.token, b.token);
  assert.equal(a.expiresAt, clock.now + HOUR);
  assert.equal(await fakes.calls('gcloud'), before + 1, 'concurrent callers share one run');
  clock.now += HOUR - 7 * 60_000;
  assert.equal((await cloud.token('acc', command)).token, a.token, 'still valid');
  clock.now += 2 * 60_000; // within the margin (a tenth of an hour): renew
  const renewed = await cloud.token('acc', command);
  assert.notEqual(renewed.token, a.token);
  assert.equal(await fakes.calls('gcloud'), before + 2);
  await cloud.invalidate('acc');
  assert.notEqual(
    (await cloud.token('acc', command)).token,
    renewed.token,
    'on demand after a 401',
  );
  assert.equal(await fakes.calls('gcloud'), before + 3);
});

test('a missing CLI says what to install', async () => {
  await assert.rejects(
    runTokenCommand(['aws', 'ecr', 'get-login-password'], { env: { PATH: '/nonexistent' } }),
    (err) =>
      isSifportError(err, 'AUTH_REQUIRED') &&
      /`aws` was not found: install the AWS CLI v2/.test(err.message),
  );
  await assert.rejects(
    runTokenCommand(['az'], { env: { PATH: '/nonexistent' } }),
    /install the Azure CLI/,
  );
});

test('a failing CLI says which login to renew, a hanging one times out', async () => {
  await fakes.setMode('aws', 'expired');
  await fakes.setMode('gcloud', 'hang');
  try {
    await assert.rejects(runTokenCommand(['aws', 'ecr', 'get-login-password'], { env }), (err) => {
      assert.ok(isSifportError(err, 'AUTH_REQUIRED'));
      assert.match(err.message, /exit status 255.*session token has expired.*run `aws sso login`/);
      return true;
    });
    await assert.rejects(
      runTokenCommand(['gcloud', 'auth', 'print-access-token'], { env, timeoutMs: 300 }),
      /did not finish in time.*gcloud auth login/,
    );
  } finally {
    await fakes.setMode('aws', 'ok');
    await fakes.setMode('gcloud', 'ok');
  }
});
