/** How a command ends: its exit codes, and the error that carries one to the top. */

export const EXIT_VALID = 0;
export const EXIT_INVALID = 1;
export const EXIT_UNREADABLE = 2;
export const EXIT_BUG = 3;

/** Ends the command with a message on stderr and an exit code. */
export class Exit extends Error {
  constructor(
    message: string,
    readonly code: number,
  ) {
    super(message);
  }
}
