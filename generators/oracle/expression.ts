/**
 * The calculated-attribute Expression: tokenizer, recursive-descent parser and evaluator (SEMANTICS.md CA-EXP-1..8).
 */
import { scalarAt, toNumber, type Scalar } from './values.ts';

/** An invalid definition (the service would reject it, or the oracle cannot give it a meaning). */
export class OracleDefinitionError extends Error {
  constructor(message: string) {
    super(`oracle: ${message}`);
    this.name = 'OracleDefinitionError';
  }
}

export type ExprNode =
  | { kind: 'ref'; objectTypeName: string; path: string }
  | { kind: 'num'; value: number }
  | { kind: 'neg'; operand: ExprNode }
  | { kind: 'bin'; op: '+' | '-' | '*' | '/'; left: ExprNode; right: ExprNode };

/** A parsed expression with the one object type and the distinct attribute paths it references. */
export interface ParsedExpression {
  root: ExprNode;
  objectTypeName: string;
  attributes: string[];
  /** True when the expression is a single reference (CA-EXP-6), so values keep their type. */
  bare: boolean;
}

type Token = { t: 'ref'; objectTypeName: string; path: string } | { t: 'num'; value: number } | { t: 'op'; op: string };

const REF_RE = /^\{([a-zA-Z_][a-zA-Z_0-9-]*)\.([a-zA-Z0-9_.-]+)\}/;
const NUM_RE = /^\d+(?:\.\d+)?/;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let rest = text;
  while (rest.length > 0) {
    const c = rest[0];
    if (c === ' ' || c === '\t') {
      rest = rest.slice(1);
      continue;
    }
    if (c === '{') {
      const m = REF_RE.exec(rest);
      if (!m) throw new OracleDefinitionError(`expected {ObjectTypeName.AttributeName} in Expression; saw ${JSON.stringify(rest.slice(0, 40))}; fix the Expression`);
      tokens.push({ t: 'ref', objectTypeName: m[1], path: m[2] });
      rest = rest.slice(m[0].length);
      continue;
    }
    const n = NUM_RE.exec(rest);
    if (n) {
      tokens.push({ t: 'num', value: Number(n[0]) });
      rest = rest.slice(n[0].length);
      continue;
    }
    if ('+-*/()'.includes(c)) {
      tokens.push({ t: 'op', op: c });
      rest = rest.slice(1);
      continue;
    }
    throw new OracleDefinitionError(`expected an operand or one of + - * / ( ) in Expression; saw ${JSON.stringify(c)}; fix the Expression`);
  }
  return tokens;
}

/** Parses an Expression (CA-EXP-2) and checks its references (CA-EXP-1). */
export function parseExpression({ expression }: { expression: string }): ParsedExpression {
  const tokens = tokenize(expression);
  let pos = 0;
  const peekOp = (): string | undefined => {
    const tok = tokens[pos];
    return tok && tok.t === 'op' ? tok.op : undefined;
  };
  const parseExpr = (): ExprNode => {
    let left = parseTerm();
    for (let op = peekOp(); op === '+' || op === '-'; op = peekOp()) {
      pos++;
      left = { kind: 'bin', op, left, right: parseTerm() };
    }
    return left;
  };
  const parseTerm = (): ExprNode => {
    let left = parseFactor();
    for (let op = peekOp(); op === '*' || op === '/'; op = peekOp()) {
      pos++;
      left = { kind: 'bin', op, left, right: parseFactor() };
    }
    return left;
  };
  const parseFactor = (): ExprNode => {
    const tok = tokens[pos];
    if (!tok) throw new OracleDefinitionError(`expected an operand at the end of Expression ${JSON.stringify(expression)}; saw nothing; complete the Expression`);
    pos++;
    if (tok.t === 'ref') return { kind: 'ref', objectTypeName: tok.objectTypeName, path: tok.path };
    if (tok.t === 'num') return { kind: 'num', value: tok.value };
    if (tok.op === '-') return { kind: 'neg', operand: parseFactor() };
    if (tok.op === '(') {
      const inner = parseExpr();
      if (peekOp() !== ')') throw new OracleDefinitionError(`expected ")" in Expression ${JSON.stringify(expression)}; saw none; balance the parentheses`);
      pos++;
      return inner;
    }
    throw new OracleDefinitionError(`expected an operand in Expression ${JSON.stringify(expression)}; saw ${JSON.stringify(tok.op)}; fix the Expression`);
  };
  const root = parseExpr();
  if (pos !== tokens.length) throw new OracleDefinitionError(`expected the end of Expression ${JSON.stringify(expression)}; saw more tokens; fix the Expression`);
  const refs: { objectTypeName: string; path: string }[] = [];
  const collect = (node: ExprNode): void => {
    if (node.kind === 'ref') refs.push(node);
    else if (node.kind === 'neg') collect(node.operand);
    else if (node.kind === 'bin') {
      collect(node.left);
      collect(node.right);
    }
  };
  collect(root);
  if (refs.length === 0) throw new OracleDefinitionError(`expected at least one {ObjectTypeName.AttributeName} in Expression ${JSON.stringify(expression)}; saw none; reference an attribute`);
  const types = new Set(refs.map((r) => r.objectTypeName));
  if (types.size > 1) throw new OracleDefinitionError(`expected one object type in Expression; saw ${[...types].join(', ')}; use attributes of a single object type`);
  const attributes = [...new Set(refs.map((r) => r.path))];
  if (attributes.length > 2) throw new OracleDefinitionError(`expected at most two attributes in Expression; saw ${attributes.length}; reference one or two attributes`);
  return { root, objectTypeName: refs[0].objectTypeName, attributes, bare: root.kind === 'ref' };
}

/** Evaluates a parsed expression on a source document: a scalar (bare, CA-EXP-6), a number, or undefined. */
export function evaluateExpression({ parsed, document }: { parsed: ParsedExpression; document: unknown }): Scalar | undefined {
  if (parsed.bare) {
    const ref = parsed.root as Extract<ExprNode, { kind: 'ref' }>;
    const v = scalarAt({ document, path: ref.path });
    return v === '' ? undefined : v;
  }
  const evalNode = (node: ExprNode): number | undefined => {
    switch (node.kind) {
      case 'num':
        return node.value;
      case 'ref':
        return toNumber({ value: scalarAt({ document, path: node.path }) });
      case 'neg': {
        const v = evalNode(node.operand);
        return v === undefined ? undefined : -v;
      }
      case 'bin': {
        const l = evalNode(node.left);
        const r = evalNode(node.right);
        if (l === undefined || r === undefined) return undefined;
        return node.op === '+' ? l + r : node.op === '-' ? l - r : node.op === '*' ? l * r : l / r;
      }
    }
  };
  const result = evalNode(parsed.root);
  return result === undefined || !Number.isFinite(result) ? undefined : result;
}
