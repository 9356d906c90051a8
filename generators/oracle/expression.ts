/**
 * The calculated-attribute Expression: tokenizer, parser and evaluator (SEMANTICS.md CA-EXP-1..8).
 */
import { parseIsoDateTimeOrDay } from './timestamps.ts';
import { attributeScalar, toNumber, type ObjectView, type Scalar } from './values.ts';

/** An invalid definition (the service would reject it, or the oracle cannot give it a meaning). */
export class OracleDefinitionError extends Error {
  constructor(message: string) {
    super(`oracle: ${message}`);
    this.name = 'OracleDefinitionError';
  }
}

/** One `{ObjectTypeName.AttributeName}` operand. */
export interface Reference {
  objectTypeName: string;
  path: string;
}

export type Operator = '+' | '-' | '*' | '/';

/** A parsed expression: one reference (bare) or two joined by an operator. */
export interface ParsedExpression {
  refs: [Reference] | [Reference, Reference];
  operator?: Operator;
  objectTypeName: string;
  /** The distinct attribute paths referenced. */
  attributes: string[];
  /** True when the expression is a single reference (CA-EXP-6), so values keep their type. */
  bare: boolean;
}

type Token = { t: 'ref'; ref: Reference } | { t: 'op'; op: Operator };

const REF_RE = /^\{([a-zA-Z_][a-zA-Z_0-9-]*)\.([a-zA-Z0-9_.-]+)\}/;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    if (c === '{') {
      const m = REF_RE.exec(text.slice(i));
      if (!m) throw new OracleDefinitionError(`expected {ObjectTypeName.AttributeName} in Expression; saw ${JSON.stringify(text.slice(i, i + 40))}; fix the Expression`);
      tokens.push({ t: 'ref', ref: { objectTypeName: m[1], path: m[2] } });
      i += m[0].length;
      continue;
    }
    if (c === '+' || c === '-' || c === '*' || c === '/') {
      tokens.push({ t: 'op', op: c });
      i++;
      continue;
    }
    throw new OracleDefinitionError(`expected a reference or one of + - * / in Expression; saw ${JSON.stringify(c)}; fix the Expression`);
  }
  return tokens;
}

/**
 * Parses an Expression (CA-EXP-2): `ref` or `ref op ref`, and checks its references (CA-EXP-1) against the
 * attribute names listed in AttributeDetails.Attributes (CA-EXP-5).
 */
export function parseExpression({ expression, listed }: { expression: string; listed: readonly string[] }): ParsedExpression {
  const tokens = tokenize(expression);
  const shape = tokens.map((k) => k.t).join(' ');
  if (shape !== 'ref' && shape !== 'ref op ref') {
    throw new OracleDefinitionError(`expected {T.a} or {T.a} op {T.b} in Expression ${JSON.stringify(expression)}; saw the form "${shape}"; write one or two references`);
  }
  const refs = tokens.filter((k): k is Extract<Token, { t: 'ref' }> => k.t === 'ref').map((k) => k.ref);
  const types = new Set(refs.map((r) => r.objectTypeName));
  if (types.size > 1) throw new OracleDefinitionError(`expected one object type in Expression; saw ${[...types].join(', ')}; use attributes of a single object type`);
  for (const r of refs) {
    if (!listed.includes(r.path)) {
      throw new OracleDefinitionError(`expected AttributeDetails.Attributes to list ${JSON.stringify(r.path)}; saw ${JSON.stringify(listed)}; list every referenced attribute`);
    }
  }
  const operator = tokens.length === 3 ? (tokens[1] as Extract<Token, { t: 'op' }>).op : undefined;
  return {
    refs: refs as ParsedExpression['refs'],
    operator,
    objectTypeName: refs[0].objectTypeName,
    attributes: [...new Set(refs.map((r) => r.path))],
    bare: operator === undefined,
  };
}

/**
 * An arithmetic operand (CA-EXP-7): a number as written (CA-NUM-1), or an ISO 8601 date-time or YYYY-MM-DD day as its
 * epoch milliseconds, so that subtracting two timestamps gives milliseconds.
 */
function operand(value: Scalar | undefined): number | undefined {
  const n = toNumber({ value });
  if (n !== undefined) return n;
  return typeof value === 'string' ? parseIsoDateTimeOrDay({ value }) : undefined;
}

/** Evaluates a parsed expression on an object view: a scalar (bare, CA-EXP-6), a number (CA-EXP-7), or undefined. */
export function evaluateExpression({ parsed, view }: { parsed: ParsedExpression; view: ObjectView }): Scalar | undefined {
  if (parsed.bare) return attributeScalar({ view, name: parsed.refs[0].path });
  const l = operand(attributeScalar({ view, name: parsed.refs[0].path }));
  const r = operand(attributeScalar({ view, name: parsed.refs[1]!.path }));
  if (l === undefined || r === undefined) return undefined;
  const op = parsed.operator;
  const result = op === '+' ? l + r : op === '-' ? l - r : op === '*' ? l * r : l / r;
  return Number.isFinite(result) ? result : undefined;
}
