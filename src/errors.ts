/**
 * Known errors: bad input the user can fix. The CLI prints their message on one
 * line with a hint and exits 2; anything else is a bug and prints its stack.
 */
export class InputError extends Error {
  override readonly name: string = "InputError";
  constructor(
    /** The file at fault, as the user would recognise it. */
    readonly file: string,
    readonly detail: string,
    /** 1-based line of a parse error, when known. */
    readonly line?: number,
    readonly hint?: string,
  ) {
    super(`${file}${line ? `:${line}` : ""}: ${detail}`);
  }
}

/** Bad usage of the CLI or an invalid config: every problem listed at once. */
export class UsageError extends Error {
  override readonly name = "UsageError";
  constructor(
    message: string,
    readonly problems: string[] = [],
    readonly hint?: string,
  ) {
    super(message);
  }
}

/**
 * An output the user asked for could not be written (a full disk, a read-only
 * folder): their environment, not a bug, so one line naming the path and exit 2,
 * like bad input.
 */
export class OutputError extends InputError {
  override readonly name: string = "OutputError";
}
