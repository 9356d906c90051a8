/**
 * Evidence entries derived from the Smithy model for the operations in scope: how each is bound to HTTP, what a
 * success answers, which errors it declares and which constraints its input members carry, each with the model's own
 * words as the quote. The wire contracts (one per operation and constraint kind) cite these; the hand-written
 * register entries cover everything else. Pure: model in, entries out.
 */
import { T, cmp, getShape, shortName, type SmithyModel, type SmithyShape } from './smithy.ts';
import { enumValues } from './json-schema.ts';

/** The namespace of the service's shapes; `at` locations name shapes in it. */
export const NAMESPACE = 'com.amazonaws.customerprofiles';
/** Longest quote kept from a documentation string (the first sentences up to this). */
const MAX_QUOTE = 300;

/** One generated entry (the register's entry shape, `where` left to the register's model default). */
export interface ModelEvidenceEntry {
  id: string;
  claim: string;
  kind: 'model';
  at: string;
  quote: string;
}

const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&#39;': "'", '&apos;': "'", '&nbsp;': ' ' };

/** A documentation trait as plain text: tags removed, entities decoded, whitespace collapsed. */
export function docText({ traits }: { traits: Record<string, unknown> | undefined }): string {
  const html = traits?.['smithy.api#documentation'];
  if (typeof html !== 'string') return '';
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z#0-9]+;/gi, (e) => ENTITIES[e.toLowerCase()] ?? e)
    .replace(/\s+/g, ' ')
    .trim();
}

/** The first sentences of `text` up to MAX_QUOTE characters, cut at a sentence end where one fits. */
export function leadingSentences({ text }: { text: string }): string {
  if (text.length <= MAX_QUOTE) return text;
  const cut = text.slice(0, MAX_QUOTE);
  const end = cut.lastIndexOf('. ');
  return end > 40 ? cut.slice(0, end + 1) : `${cut.trimEnd()}…`;
}

/** The constraints a member carries (its own traits and its target's), in words: `required; string, length 1..64`. */
export function constraintWords({ model, member }: { model: SmithyModel; member: { target: string; traits?: Record<string, unknown> } }): string[] {
  const target = getShape({ model, id: member.target });
  const words: string[] = [];
  if (member.traits?.[T.required] !== undefined) words.push('@required');
  const traits = { ...(target.traits ?? {}), ...(member.traits ?? {}) };
  const length = traits[T.length] as { min?: number; max?: number } | undefined;
  if (length) words.push(`@length(${[length.min !== undefined ? `min: ${length.min}` : '', length.max !== undefined ? `max: ${length.max}` : ''].filter(Boolean).join(', ')})`);
  const pattern = traits[T.pattern];
  if (typeof pattern === 'string') words.push(`@pattern(${JSON.stringify(pattern)})`);
  const range = traits[T.range] as { min?: number | string; max?: number | string } | undefined;
  if (range) words.push(`@range(${[range.min !== undefined ? `min: ${range.min}` : '', range.max !== undefined ? `max: ${range.max}` : ''].filter(Boolean).join(', ')})`);
  const values = enumValues({ shape: target });
  if (values) words.push(`enum ${shortName({ id: member.target })} (${values.join(', ')})`);
  if (traits[T.default] !== undefined) words.push(`@default(${JSON.stringify(traits[T.default])})`);
  return words;
}

function operationShape({ model, name }: { model: SmithyModel; name: string }): SmithyShape {
  const op = model.shapes[`${NAMESPACE}#${name}`];
  if (!op || op.type !== 'operation') throw new Error(`specs:evidence: expected operation ${name} in the model; saw ${op ? op.type : 'no such shape'}; check the scope list`);
  return op;
}

/** The generated entries for `operations` (sorted by id, so the file is stable). */
export function buildModelEvidence({ model, operations }: { model: SmithyModel; operations: readonly string[] }): ModelEvidenceEntry[] {
  const entries: ModelEvidenceEntry[] = [];
  for (const name of operations) {
    const op = operationShape({ model, name });
    const http = op.traits?.[T.http] as { method: string; uri: string; code?: number };
    const code = http.code ?? 200;
    entries.push({
      id: `M-${name}-HTTP`,
      claim: `${name} is sent as ${http.method} ${http.uri} and a success answers HTTP ${code}.`,
      kind: 'model',
      at: `${NAMESPACE}#${name} @http(method: ${JSON.stringify(http.method)}, uri: ${JSON.stringify(http.uri)}, code: ${code})`,
      quote: leadingSentences({ text: docText({ traits: op.traits }) }),
    });
    const outputId = op.output?.target;
    if (outputId) {
      const output = getShape({ model, id: outputId });
      const members = Object.keys(output.members ?? {}).sort(cmp);
      const required = members.filter((m) => output.members![m].traits?.[T.required] !== undefined);
      entries.push({
        id: `M-${name}-OUTPUT`,
        claim: `A successful ${name} answers the ${shortName({ id: outputId })} structure (members ${members.join(', ') || 'none'}; required: ${required.join(', ') || 'none'}).`,
        kind: 'model',
        at: `${outputId}`,
        quote: required.length > 0 ? required.map((m) => `${m} @required`).join('; ') : `members: ${members.join(', ') || 'none'}`,
      });
    }
    for (const error of [...(op.errors ?? [])].map((e) => e.target).sort(cmp)) {
      const shape = getShape({ model, id: error });
      const status = shape.traits?.[T.httpError];
      entries.push({
        id: `M-${name}-ERROR-${shortName({ id: error })}`,
        claim: `${name} declares ${shortName({ id: error })} (HTTP ${status}).`,
        kind: 'model',
        at: `${NAMESPACE}#${name} errors; ${error} @httpError(${status})`,
        quote: leadingSentences({ text: docText({ traits: shape.traits }) }),
      });
    }
    const inputId = op.input?.target;
    if (inputId) {
      const input = getShape({ model, id: inputId });
      for (const member of Object.keys(input.members ?? {}).sort(cmp)) {
        const ref = input.members![member];
        const words = constraintWords({ model, member: ref });
        if (words.filter((w) => !w.startsWith('@default')).length === 0) continue;
        entries.push({
          id: `M-${name}-INPUT-${member}`,
          claim: `${name} input member ${member} carries ${words.join(', ')}: a request breaking one of them is invalid input.`,
          kind: 'model',
          at: `${inputId}$${member}`,
          quote: leadingSentences({ text: docText({ traits: ref.traits }) || docText({ traits: getShape({ model, id: ref.target }).traits }) }),
        });
      }
    }
    const paginated = op.traits?.[T.paginated] as Record<string, string> | undefined;
    if (paginated) {
      entries.push({
        id: `M-${name}-PAGINATED`,
        claim: `${name} is paginated: input token ${paginated.inputToken}, output token ${paginated.outputToken}${paginated.items ? `, items ${paginated.items}` : ''}${paginated.pageSize ? `, page size ${paginated.pageSize}` : ''}.`,
        kind: 'model',
        at: `${NAMESPACE}#${name} @paginated`,
        quote: `@paginated(${Object.entries(paginated).sort(([a], [b]) => cmp(a, b)).map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join(', ')})`,
      });
    }
  }
  return entries.sort((a, b) => cmp(a.id, b.id));
}

/** Curly quotes and runs of whitespace made plain, so a quote typed by hand matches the model's text. */
function plain(text: string): string {
  // The model escapes some quotes in its HTML as backslash-quote; a quote typed by hand does not.
  return text.replace(/\\"/g, '"').replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/\s+/g, ' ').trim();
}

/**
 * What the model says at one location (`ns#Shape` or `ns#Shape$member`): the documentation of the member and of the
 * shape it targets, and its constraints in the words `constraintWords` uses. Undefined when there is no such place.
 */
export function modelTextAt({ model, at }: { model: SmithyModel; at: string }): string[] | undefined {
  const [shapeId, member] = at.split('$');
  const shape = model.shapes[shapeId];
  if (!shape) return undefined;
  if (member === undefined) {
    const texts = [docText({ traits: shape.traits }), ...Object.keys(shape.traits ?? {}).map((trait) => `@${trait}`)];
    const values = enumValues({ shape });
    if (values) texts.push(`enum ${shortName({ id: shapeId })} (${values.join(', ')})`);
    for (const [name, ref] of Object.entries(shape.members ?? {})) texts.push(`${name}: ${constraintWords({ model, member: ref }).join(', ')}`);
    return texts.map(plain);
  }
  const ref = shape.members?.[member];
  if (!ref) return undefined;
  const target = model.shapes[ref.target];
  return [docText({ traits: ref.traits }), target ? docText({ traits: target.traits }) : '', constraintWords({ model, member: ref }).join(', '), `${member}`].map(plain);
}

/**
 * Checks a hand-written model entry against the model: every location of `at` (separated by "; ") exists, and every
 * fragment of `quote` (separated by "…") is said at one of them. Returns the problems, empty when it holds.
 */
export function verifyModelQuote({ model, at, quote }: { model: SmithyModel; at: string; quote: string }): string[] {
  const problems: string[] = [];
  const texts: string[] = [];
  for (const location of at.split(';').map((l) => l.trim()).filter(Boolean)) {
    const found = modelTextAt({ model, at: location });
    if (!found) problems.push(`no shape or member ${location} in the model`);
    else texts.push(...found);
  }
  for (const fragment of plain(quote).split(/…|\.\.\./).map((f) => f.trim()).filter(Boolean)) {
    if (!texts.some((t) => t.includes(fragment))) problems.push(`"${fragment}" is not said at ${at}`);
  }
  return problems;
}
