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

/**
 * The message of anything thrown. Duck-typed rather than `instanceof Error`: errors from Node
 * built-ins belong to another realm under jest and would print as «Error: …».
 */
export function errorText(error: unknown): string {
  return typeof error === 'object' && error !== null && 'message' in error ? String(error.message) : String(error);
}
