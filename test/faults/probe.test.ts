import { beforeAll, describe, expect, it } from 'vitest';
import { FAULTS } from '../../harness/mock/faults/catalogue.ts';
import { VARIATIONS } from '../../harness/mock/faults/variations.ts';
import { firstWireDifference, runProbe, type ProbeResult, type ProbeStep } from './probe.ts';

/**
 * Every fault of the catalogue changes what a client sees, on the operations its description names, and every benign
 * variation leaves what the SDK (and so a contract) reads unchanged. Each is applied to a fresh embedded mock and
 * compared with the reference implementation over one fixed probe scenario (./probe.ts). The tables below come from
 * the faults' descriptions and from the semantics in docs/calculated-attribute-semantics.md, by hand.
 */

const LAYOUT = ['CreateDomainLayout', 'GetDomainLayout', 'UpdateDomainLayout', 'ListDomainLayouts', 'DeleteDomainLayout'];
const OBJECT_TYPE = ['PutProfileObjectType', 'GetProfileObjectType'];
const DEFINITIONS = ['CreateCalculatedAttributeDefinition', 'GetCalculatedAttributeDefinition', 'UpdateCalculatedAttributeDefinition', 'ListCalculatedAttributeDefinitions'];
const VALUE_READS = ['GetCalculatedAttributeForProfile', 'ListCalculatedAttributesForProfile', 'BatchGetCalculatedAttributeForProfile'];
/** Any operation (faults of the protocol itself). */
const ANY = ['*'];
/** The paginated List operations. */
const LISTS = ['List*'];

/** Operations on which each fault's first visible difference may fall, from its description. */
const TARGETS: Record<string, string[]> = {
  'drops-required-member': ANY,
  'timestamps-as-iso-strings': LAYOUT,
  'accepts-overlong-name': LAYOUT,
  'accepts-unknown-enum': LAYOUT,
  'malformed-body-500': LAYOUT,
  'success-status-201': ANY,
  'wrong-error-type': ANY,
  'not-found-as-500': ANY,
  'page-duplicates-item': LISTS,
  'drops-last-item': LISTS,
  'ignores-max-results': LISTS,
  'tokens-forever': LISTS,
  'accepts-out-of-range-max-results': LISTS,
  'accepts-forged-token': LISTS,
  'unstable-order': LISTS,
  'is-default-ignored': ['CreateDomainLayout', 'UpdateDomainLayout'],
  'is-default-omitted-true': ['CreateDomainLayout'],
  'second-default-kept': ['GetDomainLayout', 'ListDomainLayouts'],
  'version-never-changes': LAYOUT,
  'created-at-moves': ['UpdateDomainLayout', 'GetDomainLayout'],
  'last-updated-goes-back': ['UpdateDomainLayout'],
  'update-resets-omitted-fields': ['UpdateDomainLayout'],
  'update-ignores-is-default': ['UpdateDomainLayout'],
  'tags-dropped': ['CreateDomainLayout', 'GetDomainLayout'],
  'delete-does-nothing': ['DeleteDomainLayout', 'GetDomainLayout'],
  'duplicate-create-overwrites': ['CreateDomainLayout'],
  'layout-truncated': LAYOUT,
  'accepts-oversize-layout': ['CreateDomainLayout', 'UpdateDomainLayout'],
  'keys-identifiers-dropped': OBJECT_TYPE,
  'other-identifiers-dropped': OBJECT_TYPE,
  'object-type-tags-dropped': OBJECT_TYPE,
  'source-priority-dropped': OBJECT_TYPE,
  'encryption-key-dropped': OBJECT_TYPE,
  'max-count-above-available': OBJECT_TYPE,
  'template-with-fields-accepted': ['PutProfileObjectType'],
  'template-renamed': ['GetProfileObjectTypeTemplate'],
  'documented-templates-unknown': ['ListProfileObjectTypeTemplates', 'GetProfileObjectTypeTemplate', 'PutProfileObjectType'],
  'template-source-refused': ['PutProfileObjectType'],
  'timestamp-format-dropped': OBJECT_TYPE,
  'detect-invents-source': ['DetectProfileObjectType'],
  'detect-two-mappings': ['DetectProfileObjectType'],
  'detect-identifier-outside-enum': ['DetectProfileObjectType'],
  'detect-accepts-six': ['DetectProfileObjectType'],
  'calc-average-rounded': VALUE_READS,
  'calc-first-last-swapped': VALUE_READS,
  'calc-min-max-swapped': VALUE_READS,
  'calc-negative-objects-lost': ['PutProfileObject'],
  'calc-max-occurrence-as-first': VALUE_READS,
  'calc-expression-first-operand-only': VALUE_READS,
  'calc-empty-selection-zero': VALUE_READS,
  'calc-window-one-day-longer': VALUE_READS,
  'calc-value-range-ignored': VALUE_READS,
  'calc-iso-offsets-ignored': ['PutProfileObject', 'ListProfileObjects', ...VALUE_READS],
  'calc-time-source-swapped': VALUE_READS,
  'calc-object-count-oldest': ['PutProfileObject', 'ListProfileObjects', ...VALUE_READS],
  'calc-threshold-ignored': VALUE_READS,
  'calc-filter-none-as-all': VALUE_READS,
  'calc-filter-comparison-inverted': VALUE_READS,
  'calc-historical-flag-inverted': VALUE_READS,
  'calc-list-values-stale': ['ListCalculatedAttributesForProfile'],
  'calc-data-partial-capitalised': VALUE_READS,
  'calc-batch-drops-ids': ['BatchGetCalculatedAttributeForProfile'],
  'calc-overrides-ignored': ['BatchGetCalculatedAttributeForProfile'],
  'calc-description-dropped': ['CreateCalculatedAttributeDefinition', 'ListCalculatedAttributeDefinitions'],
  'calc-update-changes-statistic': ['UpdateCalculatedAttributeDefinition', 'GetCalculatedAttributeDefinition'],
  'calc-delete-does-nothing': ['DeleteCalculatedAttributeDefinition', 'GetCalculatedAttributeDefinition'],
  'calc-accepts-invalid-expression': ['CreateCalculatedAttributeDefinition'],
  'calc-status-outside-enum': DEFINITIONS,
  'calc-never-ready': [...DEFINITIONS, ...VALUE_READS],
  'calc-threshold-inverted': VALUE_READS,
  'calc-partial-always-false': VALUE_READS,
  'calc-missing-object-type-accepted': ['CreateCalculatedAttributeDefinition'],
  'calc-timestamp-format-required': ['CreateCalculatedAttributeDefinition'],
  'calc-no-format-epoch-only': VALUE_READS,
  'calc-unit-only-range-is-now': VALUE_READS,
  'calc-fields-ignored': VALUE_READS,
  'calc-timestamp-difference-seconds': VALUE_READS,
  'empty-lists': LISTS,
  'detect-nothing': ['DetectProfileObjectType'],
  'empty-template-catalogue': ['ListProfileObjectTypeTemplates', 'GetProfileObjectTypeTemplate', 'PutProfileObjectType'],
  'calc-values-never-present': VALUE_READS,
  'optional-members-omitted': ANY,
  'returns-nothing': ANY,
};

function targets(operation: string, allowed: readonly string[]): boolean {
  return allowed.some((a) => a === '*' || a === operation || (a.endsWith('*') && operation.startsWith(a.slice(0, -1))));
}

function stepOf(result: ProbeResult, label: string): ProbeStep {
  const step = result.steps.find((s) => s.label === label);
  if (!step) throw new Error(`probe: no step "${label}"`);
  return step;
}

/** The Value the SDK returned at a value-read step (undefined: no Value member). */
function valueAt(result: ProbeResult, name: string, profile = 'A1'): string | undefined {
  const step = stepOf(result, `value of ${name} for ${profile}${profile === 'A2' ? ' (no objects)' : ''}`);
  return (JSON.parse(step.sdk) as { Value?: string }).Value;
}

/**
 * By hand: v over o0..o4 is 1, 2, 4, -5, 7 and w is 1, 10, 10, 10, 10; cat is y, x, x, z, x. o0 is ingested a day
 * before the definitions, o1..o4 with them, and values are read 1.5 days later (probe.ts). The `at` field puts o1 2 h
 * and o2 26 h before the read (o2 written with a +05:00 offset); o0 is 2.5 days old.
 */
const REFERENCE_VALUES: Record<string, string | undefined> = {
  avg: '1.8', // 9 / 5
  first: '1',
  min: '-5',
  maxocc: 'x', // x three times
  expr: '50', // 2 + 12 + 14 + 5 + 17
  count: '5',
  win: '8', // last 2 days by ingestion: o1..o4
  vr: '1', // 3..2 days ago by ingestion: o0 alone
  ts: '2', // last day by `at`: o1 alone
  last2: '2', // the two last ingested: o3 + o4
  thr: 'false', // 9 is not > 100: a Threshold answers true / false
  fnone: '2', // cat not x: o0, o3
  fcat: '3',
  hist: '4', // o0 predates the definition
  sum: '9',
  tsany: '2', // as ts, without a TimestampFormat (any date reads)
  alltime: '2', // all time by `at`: o1 has the latest `at`
  alias: '9', // the Fields entry amount reads v
  dur: '90000', // o1's end - at, in milliseconds
};

/** Values that specific faults produce instead, by hand from their descriptions. */
const FAULTY_VALUES: { fault: string; name: string; profile?: string; value: string | undefined }[] = [
  { fault: 'calc-average-rounded', name: 'avg', value: '2' },
  { fault: 'calc-first-last-swapped', name: 'first', value: '7' },
  { fault: 'calc-min-max-swapped', name: 'min', value: '7' },
  { fault: 'calc-max-occurrence-as-first', name: 'maxocc', value: 'y' },
  { fault: 'calc-expression-first-operand-only', name: 'expr', value: '9' },
  { fault: 'calc-empty-selection-zero', name: 'count', profile: 'A2', value: '0' },
  { fault: 'calc-window-one-day-longer', name: 'win', value: '9' },
  // Without its ValueRange the Range has Unit only: all time (R8), so every object counts.
  { fault: 'calc-value-range-ignored', name: 'vr', value: '9' },
  { fault: 'calc-iso-offsets-ignored', name: 'ts', value: '6' },
  { fault: 'calc-object-count-oldest', name: 'last2', value: '3' },
  { fault: 'calc-threshold-ignored', name: 'thr', value: '9' },
  { fault: 'calc-filter-none-as-all', name: 'fnone', value: '3' },
  { fault: 'calc-filter-comparison-inverted', name: 'fcat', value: '2' },
  { fault: 'calc-historical-flag-inverted', name: 'hist', value: '5' },
  { fault: 'calc-negative-objects-lost', name: 'sum', value: '14' },
  { fault: 'calc-threshold-inverted', name: 'thr', value: 'true' },
  { fault: 'calc-no-format-epoch-only', name: 'tsany', value: undefined },
  { fault: 'calc-unit-only-range-is-now', name: 'alltime', value: undefined },
  { fault: 'calc-fields-ignored', name: 'alias', value: undefined },
  { fault: 'calc-timestamp-difference-seconds', name: 'dur', value: '90' },
];

let reference: ProbeResult;
beforeAll(async () => {
  reference = await runProbe();
});

const faulty = new Map<string, ProbeResult>();
/**
 * The probe of `fault`, made once: without the large layouts (half the cost) when the rest of the probe already shows
 * a difference, else in full. The large layouts come last, so the first difference is the same either way.
 */
async function faultyProbe({ fault }: { fault: string }): Promise<ProbeResult> {
  let probe = faulty.get(fault);
  if (!probe) {
    probe = await runProbe({ fault, large: false, validate: false });
    if (firstWireDifference({ a: reference, b: probe }) < 0) probe = await runProbe({ fault, validate: false });
    faulty.set(fault, probe);
  }
  return probe;
}

describe('runProbe', () => {
  it('returns the values computed by hand from the semantics given the reference implementation', () => {
    for (const [name, value] of Object.entries(REFERENCE_VALUES)) expect(valueAt(reference, name), name).toBe(value);
    expect(valueAt(reference, 'count', 'A2')).toBeUndefined();
  });

  it('returns the modelled answers of the refusals given the reference implementation', () => {
    const refusals = reference.steps.filter((s) => s.status >= 400).map((s) => `${s.label}: ${s.status} ${s.errorType}`);
    expect(refusals).toEqual([
      'list layouts with MaxResults 101: 400 BadRequestException',
      'list layouts with a forged token: 400 BadRequestException',
      'get an unknown layout: 404 ResourceNotFoundException',
      'create layout a again: 400 BadRequestException',
      'get deleted layout c: 404 ResourceNotFoundException',
      'create a layout named with 65 characters: 400 BadRequestException',
      'create a layout of an unknown LayoutType: 400 BadRequestException',
      'create a layout with a truncated body: 400 BadRequestException',
      'put an object type with TemplateId and Fields: 400 BadRequestException',
      'detect six objects: 400 BadRequestException',
      'create nowhere (COUNT over an object type the domain lacks): 400 BadRequestException',
      'create bad (an invalid Expression): 400 BadRequestException',
      'get deleted definition first: 404 ResourceNotFoundException',
      'create a layout of 2,000,001 characters: 400 BadRequestException',
    ]);
  });

  it('returns responses the wire validator accepts without a warning, and the same steps on a second run', async () => {
    expect(reference.violations).toEqual([]);
    expect(firstWireDifference({ a: reference, b: await runProbe() })).toBe(-1);
  });
});

describe('FAULTS', () => {
  it.each(FAULTS.map((f) => [f.name]))('%s: differs from the reference implementation, first on an operation its description names', async (name) => {
    const faulty = await faultyProbe({ fault: name });
    const at = firstWireDifference({ a: reference, b: faulty });
    expect(at, `${name} left every step of the probe as the reference implementation answers it: extend test/faults/probe.ts`).toBeGreaterThanOrEqual(0);
    const allowed = TARGETS[name];
    // A fault added to the catalogue after this table only has to be visible; add it to TARGETS to check where.
    if (allowed) expect(targets(faulty.steps[at].operation, allowed), `${name} first differs at "${faulty.steps[at].label}" (${faulty.steps[at].operation})`).toBe(true);
  });

  it.each(FAULTY_VALUES.map((v) => [v.fault, v.name, v.profile ?? 'A1', v.value] as const))('%s: returns %s for %s as %j', async (fault, name, profile, value) => {
    expect(valueAt(await faultyProbe({ fault }), name, profile)).toBe(value);
  });

  it('returns a fault and a variation together given both (the variation wraps the fault)', async () => {
    const both = await runProbe({ fault: 'calc-average-rounded', variation: 'reordered-keys' });
    expect(valueAt(both, 'avg')).toBe('2');
    expect(stepOf(both, 'create domain').rawBody).not.toBe(stepOf(reference, 'create domain').rawBody);
  });
});

/** What the SDK returned, with NextToken values (opaque, their format may differ) replaced by a placeholder. */
const sdkView = (s: ProbeStep) => s.sdk.replace(/"NextToken":"[^"]*"/g, '"NextToken":"<token>"');

/** What each known variation changes on the wire, from its description. */
const VARIATION_SIGNS: Record<string, (probe: ProbeResult, ms: number) => void> = {
  'unknown-members': (probe) => {
    const warned = new Set(probe.violations.map((v) => v.operation));
    expect(warned.has('CreateDomainLayout') && warned.has('GetCalculatedAttributeForProfile')).toBe(true);
    expect(probe.violations.every((v) => v.severity === 'warning')).toBe(true);
  },
  'reordered-keys': (probe) => {
    const changed = probe.steps.filter((s, i) => s.rawBody !== reference.steps[i].rawBody && s.body === reference.steps[i].body);
    expect(changed.length).toBeGreaterThan(probe.steps.length / 2);
  },
  latency: (probe, ms) => {
    // 3 ms per response, so at least 2 ms per step whatever the timer's rounding.
    expect(ms).toBeGreaterThanOrEqual(2 * probe.steps.length);
  },
  'opaque-token-format': (probe) => {
    const page = stepOf(probe, 'list layouts, page 1 of 2');
    expect(JSON.parse(page.sdk).NextToken).toMatch(/^v2~/);
    expect(JSON.parse(stepOf(probe, 'list layouts, page 2 of 2').sdk).Items).toHaveLength(1);
  },
  'other-error-messages': (probe) => {
    const refused = probe.steps.filter((s) => s.status === 400);
    expect(refused.length > 0 && refused.every((s) => s.body.includes('1 validation error detected: '))).toBe(true);
  },
  'extra-headers': (probe) => {
    expect(probe.steps.every((s) => s.headers['x-amz-apigw-id'] === 'cpct-variation' && reference.steps[0].headers['x-amz-apigw-id'] === undefined)).toBe(true);
  },
};

describe('VARIATIONS', () => {
  it.each(VARIATIONS.map((v) => [v.name]))('%s: returns what the reference implementation returns to the SDK, with no wire error', async (name) => {
    const started = Date.now();
    const probe = await runProbe({ variation: name });
    const ms = Date.now() - started;
    expect(probe.steps.map((s) => `${s.label}: ${s.status} ${sdkView(s)}`)).toEqual(reference.steps.map((s) => `${s.label}: ${s.status} ${sdkView(s)}`));
    expect(probe.violations.filter((v) => v.severity === 'error')).toEqual([]);
    VARIATION_SIGNS[name]?.(probe, ms);
  });
});
