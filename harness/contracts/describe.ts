/** Longest string shown whole in a failure message; longer ones (a 2,000,000-character Layout) are summarised. */
const MAX_STRING = 120;
const MAX_TEXT = 600;

/** Renders a value for a failure message: SDK metadata dropped, long strings summarised, errors as name and message. */
export function describeForPeople({ value }: { value: unknown }): string {
  if (value instanceof Error) {
    const status = (value as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    return `${value.name}${status ? ` (HTTP ${status})` : ''}: ${value.message}`;
  }
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value, (key, v: unknown) => {
    if (key === '$metadata') return undefined;
    if (typeof v === 'string' && v.length > MAX_STRING) return `${v.slice(0, 40)}… (${v.length} chars)`;
    if (v instanceof Date) return v.toISOString();
    return v;
  });
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text;
}
