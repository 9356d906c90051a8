/**
 * AttributeDetails.Expression (R4, R6, R17) at create time, and reading fields of an object (R5, R16).
 */
import { BadRequestException } from '../errors.ts';
import { renderNumber, toFiniteNumber } from './numbers.ts';
import { parseIsoText } from './time.ts';

/**
 * An object as the engine reads it (R5): its source document and, for an object of a custom object type, the source
 * path of each of the type's Fields (so `{T.a}` reads Fields entry `a` through its Source). Standard objects built
 * from the mappings' Targets have no Fields.
 */
export interface Subject {
  doc: unknown;
  fields?: ReadonlyMap<string, readonly string[]>;
}

/** Reads attribute `attribute` (pre-split as `path`) of a subject: its Fields entry's Source when it has one (R5). */
export function readAttribute({ subject, attribute, path }: { subject: Subject; attribute: string; path: readonly string[] }): string | number | boolean | undefined {
  return readScalar({ object: subject.doc, path: subject.fields?.get(attribute) ?? path });
}

/**
 * An arithmetic operand (R6): a number (R16) as written, else an ISO 8601 date-time or day as its instant in epoch
 * milliseconds (so the difference of two timestamps is in milliseconds); undefined otherwise.
 */
export function operandOf({ value }: { value: string | number | boolean | undefined }): number | undefined {
  const n = toFiniteNumber({ value });
  if (n !== undefined || typeof value !== 'string') return n;
  return parseIsoText({ value });
}

/** The four operators R4 allows. */
export type Operator = '+' | '-' | '*' | '/';

/** A parsed expression: one object type, one or two dotted attribute paths. */
export interface ParsedExpression {
  objectType: string;
  /** Attribute names as written (the dotted path, without the object type). */
  attributes: string[];
  operator?: Operator;
}

const REF = String.raw`\{([a-zA-Z_][a-zA-Z_0-9-]*)\.([a-zA-Z0-9_.-]+)\}`;
// R17: only spaces and tabs count as whitespace, around the operator and the whole expression.
const EXPRESSION_RE = new RegExp(String.raw`^[ \t]*${REF}[ \t]*(?:([-+*/])[ \t]*${REF}[ \t]*)?$`);
/** An array index as a JSON pointer writes it (RFC 6901): `0` or digits without a leading zero. */
const ARRAY_INDEX_RE = /^(?:0|[1-9]\d*)$/;

/** Parses an Expression; throws BadRequestException naming the member when it is not of the R4 form. */
export function parseExpression({ expression, listed }: { expression: string; listed: readonly string[] }): ParsedExpression {
  const m = EXPRESSION_RE.exec(expression);
  if (!m) {
    throw new BadRequestException(
      `AttributeDetails.Expression: expected {ObjectType.attribute} or {ObjectType.a} op {ObjectType.b} with op one of + - * /; saw ${JSON.stringify(expression)}`,
    );
  }
  const objectType = m[1];
  const attributes = [m[2]];
  let operator: Operator | undefined;
  if (m[3] !== undefined) {
    if (m[4] !== objectType) {
      throw new BadRequestException(
        `AttributeDetails.Expression: a calculated attribute references one object type; saw ${objectType} and ${m[4]}`,
      );
    }
    operator = m[3] as Operator;
    attributes.push(m[5]);
  }
  for (const a of attributes) {
    if (!listed.includes(a)) {
      throw new BadRequestException(
        `AttributeDetails.Attributes: every attribute the Expression references must be listed; ${JSON.stringify(a)} is not`,
      );
    }
  }
  return { objectType, attributes, operator };
}

/** Splits a dotted attribute path into the keys it walks. */
export function pathOf({ attribute }: { attribute: string }): string[] {
  return attribute.split('.');
}

/**
 * Reads a field by dotted path (R5: own members of objects, arrays by JSON-pointer index) and returns it when it is
 * a usable scalar: a non-empty string, a finite number or a boolean. Absent, null, empty-string, object and array
 * values count as missing (undefined), R16.
 */
export function readScalar({ object, path }: { object: unknown; path: readonly string[] }): string | number | boolean | undefined {
  let current: unknown = object;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    if (Array.isArray(current)) {
      if (!ARRAY_INDEX_RE.test(key) || Number(key) >= current.length) return undefined;
      current = current[Number(key)];
    } else {
      if (!Object.hasOwn(current, key)) return undefined;
      current = (current as Record<string, unknown>)[key];
    }
  }
  if (typeof current === 'string') return current === '' ? undefined : current;
  if (typeof current === 'number') return Number.isFinite(current) ? current : undefined;
  if (typeof current === 'boolean') return current;
  return undefined;
}

/** The text of a present value (R16): a string as it is, a number by R11, a boolean as `true` / `false`. */
export function textOf({ value }: { value: string | number | boolean }): string {
  if (typeof value === 'number') return renderNumber({ value }) as string;
  return String(value);
}

/**
 * Builds the evaluator of an expression for one statistic kind. `numeric` (SUM, MINIMUM, MAXIMUM, AVERAGE) yields a
 * number; otherwise a string (the field's text for one reference, the rendered number for arithmetic). Undefined
 * excludes the object (R6).
 */
export function compileExpression({ parsed, numeric }: { parsed: ParsedExpression; numeric: boolean }): (subject: Subject) => string | number | undefined {
  const na = parsed.attributes[0];
  const pa = pathOf({ attribute: na });
  if (parsed.operator === undefined) {
    if (numeric) return (subject) => toFiniteNumber({ value: readAttribute({ subject, attribute: na, path: pa }) });
    return (subject) => {
      const v = readAttribute({ subject, attribute: na, path: pa });
      return v === undefined ? undefined : textOf({ value: v });
    };
  }
  const nb = parsed.attributes[1];
  const pb = pathOf({ attribute: nb });
  const op = parsed.operator;
  const arithmetic = (subject: Subject): number | undefined => {
    const a = operandOf({ value: readAttribute({ subject, attribute: na, path: pa }) });
    if (a === undefined) return undefined;
    const b = operandOf({ value: readAttribute({ subject, attribute: nb, path: pb }) });
    if (b === undefined) return undefined;
    if (op === '/' && b === 0) return undefined;
    const r = op === '+' ? a + b : op === '-' ? a - b : op === '*' ? a * b : a / b;
    return Number.isFinite(r) ? r : undefined;
  };
  if (numeric) return arithmetic;
  return (subject) => {
    const r = arithmetic(subject);
    return r === undefined ? undefined : renderNumber({ value: r });
  };
}
