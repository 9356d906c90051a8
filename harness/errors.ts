/**
 * The one formatter for errors the harness reports to people: prefixed with the component, and saying what was
 * expected, what was seen and what to do.
 */
export interface HarnessErrorParts {
  component: string;
  expected: string;
  seen: string;
  action: string;
}

/** Formats a harness error message as `<component>: expected …; saw …; <what to do>`. */
export function formatError({ component, expected, seen, action }: HarnessErrorParts): string {
  return `${component}: expected ${expected}; saw ${seen}; ${action}`;
}

/** An error raised by the harness for a user-facing problem (bad flag, bad tape, unreachable endpoint). */
export class HarnessError extends Error {
  readonly component: string;
  constructor(parts: HarnessErrorParts) {
    super(formatError(parts));
    this.name = 'HarnessError';
    this.component = parts.component;
  }
}

/** A usage or configuration error: the CLI exits 2 on it. */
export class UsageError extends HarnessError {
  constructor(parts: HarnessErrorParts) {
    super(parts);
    this.name = 'UsageError';
  }
}
