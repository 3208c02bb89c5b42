/** Which requests a fault applies to; omitted fields match everything. */
export interface RequestMatch {
  /** HTTP method, case-insensitive. */
  readonly method?: string;
  /** Tested against the request target (path and query, e.g. `/v2/a/blobs/uploads/x?_state=…`). */
  readonly pathPattern?: RegExp;
}

/** Forward `bytes` request-body bytes upstream, then cut both connections. */
export interface CutRule extends RequestMatch {
  readonly bytes: number;
  /** How many matching requests to cut; default 1. */
  readonly times?: number;
}

/** Answer directly with an error status instead of forwarding. */
export interface FailRule extends RequestMatch {
  /** 404 answers as distribution does for an upload session it no longer trusts. */
  readonly status: 500 | 429 | 503 | 404;
  /** `Retry-After` value: seconds or an HTTP date. */
  readonly retryAfter?: string;
  readonly times: number;
}

/** An ordered list of rules, each used up after its `times` matches. */
export interface RuleList<R extends RequestMatch> {
  add(rule: R, times: number): void;
  /** The first rule matching the request, with one use consumed; undefined if none. */
  take(method: string, target: string): R | undefined;
  clear(): void;
  /** Rules with uses left. */
  pending(): number;
}

function matches(rule: RequestMatch, method: string, target: string): boolean {
  if (rule.method !== undefined && rule.method.toUpperCase() !== method.toUpperCase()) return false;
  if (rule.pathPattern !== undefined) {
    rule.pathPattern.lastIndex = 0; // a /g pattern would otherwise remember its last match
    if (!rule.pathPattern.test(target)) return false;
  }
  return true;
}

/** Creates an empty {@link RuleList}. */
export function createRuleList<R extends RequestMatch>(): RuleList<R> {
  const rules: { rule: R; left: number }[] = [];
  return {
    add(rule, times) {
      if (!(times > 0)) throw new Error(`times must be positive, got ${times}`);
      rules.push({ rule, left: times });
    },
    take(method, target) {
      const index = rules.findIndex((r) => matches(r.rule, method, target));
      const found = rules[index];
      if (found === undefined) return undefined;
      found.left -= 1;
      if (found.left === 0) rules.splice(index, 1);
      return found.rule;
    },
    clear() {
      rules.length = 0;
    },
    pending: () => rules.length,
  };
}
