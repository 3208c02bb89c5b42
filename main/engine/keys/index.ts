// The key store's public surface: a directory keyring and the "signed by" policy.

export { Keyring } from './keyring.js';
export type { GenerateOptions, ImportOptions } from './keyring.js';
export type { KeySummary } from './key-summary.js';
export { evaluateSignedBy, requireSignedBy } from './fingerprint-policy.js';
export type { RequireSignedByOptions, SignedByDecision } from './fingerprint-policy.js';
export { verifySifFile } from './verify-file.js';
export type { VerifyFileOptions, VerifyOutcome } from './verify-file.js';
export { signSifFile } from './sign-file.js';
export type { SignFileOptions, SignedFile, SigningKey } from './sign-file.js';
export { pullSignatureCheck, resolveFingerprint } from './pull-signature-check.js';
export type { PullSignatureCheck, PullSignatureOptions } from './pull-signature-check.js';
