// Exit codes and the error a subcommand throws for bad input: kept apart from io.ts so starting
// the command does not load the design parser before a subcommand needs it.

/** Exit codes: 0 clean, 1 error findings, 2 unreadable input or not a design. */
export const EXIT = { ok: 0, findings: 1, unusable: 2 } as const;

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.unusable,
  ) {
    super(message);
  }
}
