/** Something text can be written to: `process.stdout`, or a collector in tests. */
export interface TextSink {
  write(text: string): unknown;
}

/**
 * Everything the CLI touches of its process, passed in so tests drive {@link runCli}
 * in-process with fake streams, an environment of their own and an abort signal.
 */
export interface CliIo {
  readonly stdout: TextSink;
  readonly stderr: TextSink;
  /** Read only by `login --password-stdin`. */
  readonly stdin: AsyncIterable<string | Uint8Array>;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** True when stderr is a terminal: only then is a progress bar drawn. */
  readonly isTTY: boolean;
  /** Aborted on Ctrl-C (SIGINT): transfers stop and the exit code is 130. */
  readonly signal?: AbortSignal | undefined;
  /** Directory relative paths are resolved against; default `process.cwd()`. */
  readonly cwd?: string | undefined;
  /** Terminal width for the progress bar; default 80. */
  readonly columns?: number | undefined;
}
