/** Small builders for hand-computed oracle tests. */
import type { OracleDefinition, OracleObject } from '../../../generators/oracle/index.ts';

export const DAY = 86_400_000;
/** 2025-06-09T00:00:00Z, the reference "now" of these tests. */
export const NOW = Date.UTC(2025, 5, 9);

/** An object of type `type` ingested at the ISO instant `at` (or epoch ms). */
export function obj(type: string, doc: Record<string, unknown>, at: string | number): OracleObject {
  return { objectTypeName: type, object: JSON.stringify(doc), ingestedAtMs: typeof at === 'number' ? at : Date.parse(at) };
}

/** The attribute names an expression references (`{T.a}` gives `a`), as AttributeDetails.Attributes must list them. */
export function referenced(expression: string): string[] {
  return [...new Set([...expression.matchAll(/\{[^.{}]+\.([^{}]+)\}/g)].map((m) => m[1]))];
}

/** A definition over `expression` with `statistic`, listing the attributes it references; UseHistoricalData true unless overridden. */
export function def(statistic: string, expression: string, extra: Partial<OracleDefinition> = {}): OracleDefinition {
  return {
    Statistic: statistic as OracleDefinition['Statistic'],
    AttributeDetails: { Attributes: referenced(expression).map((Name) => ({ Name })), Expression: expression },
    UseHistoricalData: true,
    ...extra,
  };
}
