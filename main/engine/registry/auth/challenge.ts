import { SifportError } from '../../errors.js';

/** One authentication challenge from a `WWW-Authenticate` header (RFC 7235, oras.md §4.1). */
export interface Challenge {
  /** Lower-cased scheme: `basic`, `bearer`, … */
  readonly scheme: string;
  /** Parameters with lower-cased names; values unquoted and unescaped. */
  readonly params: Readonly<Record<string, string>>;
}

const TOKEN_CHAR = /[!#$%&'*+\-.^_`|~0-9A-Za-z]/;

/**
 * Parses one or more `WWW-Authenticate` header values into challenges. A real tokenizer:
 * quoted strings may hold commas and backslash escapes; several challenges may share a header.
 */
export function parseChallenges(headers: string | readonly string[] | undefined): Challenge[] {
  if (headers === undefined) return [];
  const values = typeof headers === 'string' ? [headers] : headers;
  return values.flatMap(parseOne);
}

function parseOne(input: string): Challenge[] {
  const out: { scheme: string; params: Record<string, string> }[] = [];
  let i = 0;
  const skipSpace = (): void => {
    while (i < input.length && (input[i] === ' ' || input[i] === '\t')) i++;
  };
  const readToken = (): string => {
    const start = i;
    while (i < input.length && TOKEN_CHAR.test(input[i]!)) i++;
    return input.slice(start, i);
  };
  const readQuoted = (): string => {
    let value = '';
    i++; // opening quote
    while (i < input.length && input[i] !== '"') {
      if (input[i] === '\\' && i + 1 < input.length) i++;
      value += input[i];
      i++;
    }
    i++; // closing quote
    return value;
  };
  while (i < input.length) {
    skipSpace();
    if (input[i] === ',') {
      i++;
      continue;
    }
    const word = readToken();
    if (!word) {
      i++;
      continue;
    }
    skipSpace();
    if (input[i] === '=' && out.length > 0) {
      i++;
      skipSpace();
      const value = input[i] === '"' ? readQuoted() : readToken();
      out[out.length - 1]!.params[word.toLowerCase()] = value;
      continue;
    }
    // token68 form (e.g. `Negotiate abc==`) is not used by registries; treat as a new scheme.
    out.push({ scheme: word.toLowerCase(), params: {} });
    // A scheme may be followed directly by its first parameter.
    const save = i;
    const name = readToken();
    skipSpace();
    if (name && input[i] === '=') {
      i++;
      skipSpace();
      const value = input[i] === '"' ? readQuoted() : readToken();
      out[out.length - 1]!.params[name.toLowerCase()] = value;
    } else {
      i = save;
    }
  }
  return out;
}

/** Picks the challenge to answer: Bearer when offered, else Basic (oras.md §4.1). */
export function preferredChallenge(challenges: readonly Challenge[]): Challenge | undefined {
  return (
    challenges.find((c) => c.scheme === 'bearer') ?? challenges.find((c) => c.scheme === 'basic')
  );
}

/** Schemes of single-sign-on logins that sifport cannot answer (no Kerberos or NTLM client). */
const SSO_SCHEMES = new Set(['negotiate', 'kerberos', 'ntlm']);

/**
 * The error for a 401 whose challenges offer neither Bearer nor Basic (issue #10 item 13):
 * saying "rejected the credentials" would send the user to retype a password that was never
 * asked for. Undefined when a usable challenge is there, or none at all.
 */
export function unsupportedChallenge(
  challenges: readonly Challenge[],
  registry: string,
): SifportError | undefined {
  if (challenges.length === 0 || preferredChallenge(challenges)) return undefined;
  const schemes = [...new Set(challenges.map((c) => c.scheme))];
  const names = schemes.map((s) => s.charAt(0).toUpperCase() + s.slice(1)).join(', ');
  const sso = schemes.some((s) => SSO_SCHEMES.has(s));
  return new SifportError(
    'UNSUPPORTED',
    sso
      ? `${registry} asks for ${names} (Kerberos/Windows single sign-on) authentication, which sifport does not support. Use a token or password login instead (\`sifport login ${registry}\`), if the registry offers one.`
      : `${registry} asks for ${names} authentication, which sifport does not support (only Bearer tokens and Basic logins). Use a token or password login, if the registry offers one.`,
    { status: 401 },
  );
}
