/**
 * A problem with what the user gave us (a missing file, a sheet without the monitoring
 * table, an unknown option). It ends the command with a Russian message and exit code 2;
 * anything else thrown is a bug and ends with code 1.
 */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}
