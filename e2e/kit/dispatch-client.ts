import assert from 'node:assert/strict';
import { dispatch, type Handlers } from '../../main/app/dispatch.js';

/**
 * Calls a handler table through `dispatch`, as a host would, and keeps every envelope in
 * `answers` so a test can check that none carried a secret. `handlers` is read at each call,
 * so a suite can build its table in `before`.
 */
export function dispatchClient(handlers: () => Handlers) {
  const answers: unknown[] = [];
  async function call(channel: string, request: unknown) {
    const envelope = await dispatch(handlers(), channel, request);
    answers.push(envelope);
    return envelope;
  }
  async function ok<T>(channel: string, request: unknown): Promise<T> {
    const envelope = await call(channel, request);
    assert.ok(envelope.ok, `${channel}: ${JSON.stringify(envelope)}`);
    return envelope.value as T;
  }
  async function fails(channel: string, request: unknown) {
    const envelope = await call(channel, request);
    return !envelope.ok ? envelope.error : assert.fail(`${channel} should fail`);
  }
  return { answers, call, ok, fails };
}
