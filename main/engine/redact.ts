/**
 * Last line of defence for secrets: every password, token and refresh token the engine
 * handles is registered here, and every message that leaves the engine (errors, logs, CLI
 * output) is passed through {@link redact}. The primary rule is still never to put a secret
 * into a message in the first place.
 */
const secrets = new Set<string>();

/** Minimum length worth redacting; shorter strings would mangle ordinary words. */
const MIN_SECRET_LENGTH = 4;

/** Remembers a secret (and its base64 forms) so that {@link redact} hides it. */
export function registerSecret(secret: string | undefined): void {
  if (!secret || secret.length < MIN_SECRET_LENGTH) return;
  secrets.add(secret);
}

/** Remembers the `user:password` pair as sent in a Basic header. */
export function registerBasicCredential(username: string, password: string): void {
  registerSecret(password);
  registerSecret(Buffer.from(`${username}:${password}`).toString('base64'));
}

/** Replaces every registered secret in `text` with `***`. */
export function redact(text: string): string {
  let out = text;
  for (const secret of secrets) {
    if (out.includes(secret)) out = out.split(secret).join('***');
  }
  return out;
}
