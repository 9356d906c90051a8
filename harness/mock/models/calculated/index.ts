/**
 * Calculated attributes of the reference implementation: the eight operations on definitions and values, and the
 * per-profile object store they read. Semantics: docs/calculated-attribute-semantics.md (R1..R26), the one statement
 * the independent oracle in generators/oracle follows too. Pure logic: typed inputs in, outputs or ServiceErrors
 * out, no HTTP.
 *
 * Performance: a definition without Range and ObjectCount keeps one Aggregate per profile, updated at ingest, so
 * its reads are O(1). A windowed one (Range, ObjectCount) keeps one WindowIndex per profile instead (its selected
 * objects in R3 order, with prefix sums or a tree), so its reads, BatchGet overrides included, take two binary
 * searches and O(1) to O(log n) more (MAX_OCCURRENCE scans the window). Only BatchGet overrides on definitions
 * without a window, and the scan-only option, scan that one profile's objects of the definition's type (never the
 * whole domain).
 */
import type { Clock } from '../../../clock.ts';
import { formatError } from '../../../errors.ts';
import { BadRequestException, ResourceNotFoundException } from '../errors.ts';
import { fieldValues } from '../mapping.ts';
import type { PageTokens } from '../pagination.ts';
import type { FieldDef } from '../state.ts';
import type { MockOptions, OperationInput, OperationOutput } from '../types.ts';
import { checkOverrides, compileBase, compileConditions, type CompiledBase, type CompiledConditions } from './definition.ts';
import { pathOf, type Subject } from './expression.ts';
import { Aggregate, applyThreshold, emptyResult, statisticOfSorted, type Selected, type StatisticResult } from './statistics.ts';
import { DAY_MS } from './time.ts';
import { WindowIndex } from './window-index.ts';

/** Options this part reads on top of MockOptions. */
export type CalculatedOptions = MockOptions & {
  /**
   * Convergence delay: for this many ms after CreatedAt a definition reports Status IN_PROGRESS, a
   * ProgressPercentage growing from 0 to 99, and values with IsDataPartial "true". Default 0 (COMPLETED at once).
   */
  calculatedAttributeReadyAfterMs?: number;
  /** Never keep incremental aggregates or window indexes; every read scans. For consistency tests of the paths. */
  calculatedAttributeScanOnly?: boolean;
};

/** The operations `call` handles. */
export const CALCULATED_OPERATIONS = [
  'CreateCalculatedAttributeDefinition',
  'GetCalculatedAttributeDefinition',
  'UpdateCalculatedAttributeDefinition',
  'DeleteCalculatedAttributeDefinition',
  'ListCalculatedAttributeDefinitions',
  'GetCalculatedAttributeForProfile',
  'ListCalculatedAttributesForProfile',
  'BatchGetCalculatedAttributeForProfile',
] as const;

/** The longest Value the model allows (string1To255). */
const MAX_VALUE_LENGTH = 255;

interface StoredObject {
  /** The object as the engine reads it: source document and its type's Fields (R5). */
  subject: Subject;
  ingestedAt: number;
  /** Ingestion order across the instance: the last R3 tie-break (after time and ingestion time). */
  seq: number;
}

/** objectId -> object, in ingestion order (a replaced object is re-inserted, so it moves to the end). */
type ProfileObjects = Map<string, StoredObject>;

interface Definition {
  name: string;
  displayName?: string;
  description?: string;
  attributeDetails: unknown;
  conditions?: unknown;
  filter?: unknown;
  useHistoricalData?: boolean;
  tags?: Record<string, string>;
  createdAt: number;
  lastUpdatedAt: number;
  base: CompiledBase;
  cond: CompiledConditions;
  /** profileId -> running statistic; present only while the definition has no window (and scans are not forced). */
  aggregates?: Map<string, Aggregate>;
  /**
   * profileId -> selected objects in R3 order; present only while the definition has a window (and scans are not
   * forced). A profile without one has no selected object.
   */
  windows?: Map<string, WindowIndex>;
}

interface DomainState {
  definitions: Map<string, Definition>;
  /** objectTypeName -> definitions whose Expression names it. */
  byType: Map<string, Definition[]>;
  /** objectTypeName -> profileId -> objects; standard object types (`_airSegment`) hold the objects R5 derives. */
  objects: Map<string, Map<string, ProfileObjects>>;
  /** `<type>\0<objectId>` of an ingested object -> the standard object types it was also stored under (R5). */
  derived: Map<string, { profileId: string; types: string[] }>;
}

/** The Fields of an object type of a domain, or undefined when the domain has no such object type. */
export type ObjectTypeFields = (args: { domain: string; objectTypeName: string }) => ReadonlyMap<string, FieldDef> | undefined;

/** Source path of each field of a mapping (the part after `_source.`), for reading `{T.field}` (R5). */
function sourcePaths({ fields }: { fields: ReadonlyMap<string, FieldDef> | undefined }): Map<string, string[]> | undefined {
  if (!fields) return undefined;
  const out = new Map<string, string[]>();
  for (const [name, field] of fields) if (field.Source?.startsWith('_source.')) out.set(name, pathOf({ attribute: field.Source.slice('_source.'.length) }));
  return out;
}

/**
 * The standard objects an object maps onto (R5): for each standard type S that a field's Target `S.<path>` names, a
 * document holding each such field's value (the mapping's text of it) at `<path>`, fields applied in their order.
 */
function standardObjects({ fields, object }: { fields: ReadonlyMap<string, FieldDef> | undefined; object: Record<string, unknown> }): Map<string, Record<string, unknown>> {
  const out = new Map<string, Record<string, unknown>>();
  if (!fields) return out;
  const values = fieldValues({ fields, object });
  for (const [name, field] of fields) {
    const target = field.Target;
    const dot = target?.indexOf('.') ?? -1;
    if (!target?.startsWith('_') || dot < 0) continue;
    const type = target.slice(0, dot);
    let doc = out.get(type);
    if (!doc) out.set(type, (doc = {}));
    const value = values.get(name);
    if (value === undefined) continue;
    const keys = target.slice(dot + 1).split('.');
    let at: Record<string, unknown> = doc;
    for (const key of keys.slice(0, -1)) {
      const next = at[key];
      // A member on the way that is not an object is replaced: the later field wins.
      if (next === null || typeof next !== 'object') at[key] = {};
      at = at[key] as Record<string, unknown>;
    }
    at[keys[keys.length - 1]] = value;
  }
  return out;
}

interface Window {
  from: number;
  to: number;
  /** An override's Start in days (R25 reads it for IsDataPartial). */
  startDays?: number;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function clone<T>(value: T): T {
  return value === undefined ? value : structuredClone(value);
}

function byName(a: Definition, b: Definition): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** Calculated attribute definitions and values for every domain of one mock instance. */
export class CalculatedAttributes {
  private readonly clock: Clock;
  private readonly tokens: PageTokens;
  private readonly options: CalculatedOptions;
  private readonly profileExists: (args: { domain: string; profileId: string }) => boolean;
  private readonly objectTypeFields: ObjectTypeFields;
  /** Source paths of a Fields map, computed once per map (an object type's Fields are replaced, never edited). */
  private readonly pathsOf = new WeakMap<ReadonlyMap<string, FieldDef>, Map<string, string[]>>();
  private readonly domains = new Map<string, DomainState>();
  private seq = 0;

  constructor(params: { clock: Clock; tokens: PageTokens; options: MockOptions; profileExists: (args: { domain: string; profileId: string }) => boolean; objectTypeFields: ObjectTypeFields }) {
    this.clock = params.clock;
    this.tokens = params.tokens;
    this.options = params.options as CalculatedOptions;
    this.profileExists = params.profileExists;
    this.objectTypeFields = params.objectTypeFields;
  }

  /** Runs one of the eight calculated-attribute operations; the domain is known to exist. */
  call({ operation, input }: { operation: string; input: OperationInput }): OperationOutput {
    switch (operation) {
      case 'CreateCalculatedAttributeDefinition':
        return this.create(input);
      case 'GetCalculatedAttributeDefinition':
        return this.describe(this.definition(input), { withFilter: true });
      case 'UpdateCalculatedAttributeDefinition':
        return this.update(input);
      case 'DeleteCalculatedAttributeDefinition':
        return this.delete(input);
      case 'ListCalculatedAttributeDefinitions':
        return this.listDefinitions(input);
      case 'GetCalculatedAttributeForProfile':
        return this.getForProfile(input);
      case 'ListCalculatedAttributesForProfile':
        return this.listForProfile(input);
      case 'BatchGetCalculatedAttributeForProfile':
        return this.batchGet(input);
      default:
        throw new Error(
          formatError({
            component: 'mock/calculated',
            expected: `one of ${CALCULATED_OPERATIONS.join(', ')}`,
            seen: JSON.stringify(operation),
            action: 'route only calculated-attribute operations to CalculatedAttributes.call',
          }),
        );
    }
  }

  /**
   * Records one ingested object (after key resolution) so statistics can include it, under its own type (read through
   * that type's Fields) and under each standard object type its mapping targets (R5).
   */
  ingest({ domain, profileId, objectTypeName, objectId, object, ingestedAt }: { domain: string; profileId: string; objectTypeName: string; objectId: string; object: Record<string, unknown>; ingestedAt: number }): void {
    const state = this.state(domain);
    const fields = this.objectTypeFields({ domain, objectTypeName });
    // The same id again is a replacement: forget the old one first so aggregates stay right.
    this.remove({ domain, profileId, objectTypeName, objectId });
    let paths: Map<string, string[]> | undefined;
    if (fields && this.options.calculatedAttributeSourcePathsOnly !== true) {
      paths = this.pathsOf.get(fields);
      if (!paths) this.pathsOf.set(fields, (paths = sourcePaths({ fields })!));
    }
    this.store({ state, profileId, typeName: objectTypeName, objectId, subject: { doc: object, fields: paths }, ingestedAt });
    const standard = standardObjects({ fields, object });
    if (standard.size === 0) return;
    state.derived.set(`${objectTypeName}\0${objectId}`, { profileId, types: [...standard.keys()] });
    for (const [type, doc] of standard) this.store({ state, profileId, typeName: type, objectId: `${objectTypeName}\0${objectId}`, subject: { doc }, ingestedAt });
  }

  private store({ state, profileId, typeName, objectId, subject, ingestedAt }: { state: DomainState; profileId: string; typeName: string; objectId: string; subject: Subject; ingestedAt: number }): void {
    let byProfile = state.objects.get(typeName);
    if (!byProfile) state.objects.set(typeName, (byProfile = new Map()));
    let objects = byProfile.get(profileId);
    if (!objects) byProfile.set(profileId, (objects = new Map()));
    const stored: StoredObject = { subject, ingestedAt, seq: this.seq++ };
    objects.set(objectId, stored);
    for (const def of state.byType.get(typeName) ?? []) {
      if (def.aggregates) this.contribute({ def, profileId, stored });
      else if (def.windows) this.index({ def, profileId, stored });
    }
  }

  /** Forgets an object that a UNIQUE key replaced or that was deleted (and the standard objects derived from it). */
  remove({ domain, profileId, objectTypeName, objectId }: { domain: string; profileId: string; objectTypeName: string; objectId: string }): void {
    const state = this.domains.get(domain);
    if (!state) return;
    this.unstore({ state, profileId, typeName: objectTypeName, objectId });
    const key = `${objectTypeName}\0${objectId}`;
    const derived = state.derived.get(key);
    if (!derived) return;
    state.derived.delete(key);
    for (const type of derived.types) this.unstore({ state, profileId: derived.profileId, typeName: type, objectId: key });
  }

  private unstore({ state, profileId, typeName, objectId }: { state: DomainState; profileId: string; typeName: string; objectId: string }): void {
    const byProfile = state.objects.get(typeName);
    const objects = byProfile?.get(profileId);
    const stored = objects?.get(objectId);
    if (!byProfile || !objects || !stored) return;
    objects.delete(objectId);
    if (objects.size === 0) byProfile.delete(profileId);
    if (byProfile.size === 0) state.objects.delete(typeName);
    for (const def of state.byType.get(typeName) ?? []) {
      // Min, max, first and latest occurrences cannot be un-added; rebuild this one profile's aggregates.
      if (def.aggregates) this.rebuildProfile({ state, def, profileId });
      else if (def.windows) this.unindex({ def, profileId, stored });
    }
  }

  /** Forgets every object of a deleted profile. */
  forgetProfile({ domain, profileId }: { domain: string; profileId: string }): void {
    const state = this.domains.get(domain);
    if (!state) return;
    for (const [type, byProfile] of state.objects) {
      byProfile.delete(profileId);
      if (byProfile.size === 0) state.objects.delete(type);
    }
    for (const [key, derived] of state.derived) if (derived.profileId === profileId) state.derived.delete(key);
    for (const def of state.definitions.values()) {
      def.aggregates?.delete(profileId);
      def.windows?.delete(profileId);
    }
  }

  /** Forgets a deleted domain with its definitions and objects. */
  forgetDomain({ domain }: { domain: string }): void {
    this.domains.delete(domain);
  }

  /**
   * Forgets every object of a deleted object type and the standard objects derived from them; definitions over it
   * stay and see no objects.
   */
  forgetObjectType({ domain, objectTypeName }: { domain: string; objectTypeName: string }): void {
    const state = this.domains.get(domain);
    if (!state) return;
    const byProfile = state.objects.get(objectTypeName);
    for (const [profileId, objects] of byProfile ?? []) {
      for (const objectId of [...objects.keys()]) this.remove({ domain, profileId, objectTypeName, objectId });
    }
  }

  // ---- operations -------------------------------------------------------------------------------------------

  private create(input: OperationInput): OperationOutput {
    const domain = this.domainName(input);
    const name = this.attributeName(input);
    const state = this.state(domain);
    if (state.definitions.has(name)) {
      throw new BadRequestException(`CalculatedAttributeName: a calculated attribute definition named ${name} already exists in domain ${domain}`);
    }
    const base = compileBase({
      attributeDetails: input.AttributeDetails,
      statistic: input.Statistic,
      filter: input.Filter,
      objectTypeExists: (objectTypeName) => this.options.calculatedAttributeAnyObjectType === true || this.objectTypeFields({ domain, objectTypeName }) !== undefined,
    });
    const cond = compileConditions({ conditions: input.Conditions, objectType: base.objectType });
    const useHistoricalData = input.UseHistoricalData;
    if (useHistoricalData !== undefined && typeof useHistoricalData !== 'boolean') {
      throw new BadRequestException(`UseHistoricalData: expected a boolean; saw ${JSON.stringify(useHistoricalData)}`);
    }
    const now = this.clock.now();
    const def: Definition = {
      name,
      displayName: str(input.DisplayName),
      description: str(input.Description),
      attributeDetails: clone(input.AttributeDetails),
      conditions: clone(input.Conditions),
      filter: clone(input.Filter),
      useHistoricalData,
      tags: clone(input.Tags as Record<string, string> | undefined),
      createdAt: now,
      lastUpdatedAt: now,
      base,
      cond,
    };
    state.definitions.set(name, def);
    const list = state.byType.get(base.objectType);
    if (list) list.push(def);
    else state.byType.set(base.objectType, [def]);
    this.syncIndexes({ state, def, timeChanged: false });
    return this.describe(def, { withFilter: true });
  }

  private update(input: OperationInput): OperationOutput {
    const def = this.definition(input);
    const state = this.state(this.domainName(input));
    let timeChanged = false;
    if (input.Conditions !== undefined) {
      // Validate before changing anything, so a rejected update leaves the definition as it was.
      const cond = compileConditions({ conditions: input.Conditions, objectType: def.base.objectType });
      // Object times (R1) order the window indexes; only a different TimestampSource or format reorders them.
      timeChanged = cond.timeKey !== def.cond.timeKey;
      def.cond = cond;
      def.conditions = clone(input.Conditions);
    }
    if (input.DisplayName !== undefined) def.displayName = str(input.DisplayName);
    if (input.Description !== undefined) def.description = str(input.Description);
    def.lastUpdatedAt = this.clock.now();
    this.syncIndexes({ state, def, timeChanged });
    return this.describe(def, { withFilter: false });
  }

  private delete(input: OperationInput): OperationOutput {
    const def = this.definition(input);
    const state = this.state(this.domainName(input));
    state.definitions.delete(def.name);
    const list = state.byType.get(def.base.objectType) ?? [];
    const rest = list.filter((d) => d !== def);
    if (rest.length > 0) state.byType.set(def.base.objectType, rest);
    else state.byType.delete(def.base.objectType);
    return {};
  }

  private listDefinitions(input: OperationInput): OperationOutput {
    const domain = this.domainName(input);
    const all = [...this.state(domain).definitions.values()].sort(byName);
    const page = this.page({ all, input, scope: `ListCalculatedAttributeDefinitions\0${domain}` });
    const Items = page.items.map((def) => {
      const { Status } = this.readiness(def);
      return {
        CalculatedAttributeName: def.name,
        DisplayName: def.displayName,
        Description: def.description,
        CreatedAt: new Date(def.createdAt),
        LastUpdatedAt: new Date(def.lastUpdatedAt),
        UseHistoricalData: def.useHistoricalData,
        Status,
        Tags: clone(def.tags),
      };
    });
    return { Items, NextToken: page.nextToken };
  }

  private getForProfile(input: OperationInput): OperationOutput {
    const def = this.definition(input);
    const domain = this.domainName(input);
    const profileId = this.profileId(input, domain);
    const v = this.valueOf({ domain, def, profileId });
    return { CalculatedAttributeName: def.name, DisplayName: def.displayName, ...v };
  }

  private listForProfile(input: OperationInput): OperationOutput {
    const domain = this.domainName(input);
    const profileId = this.profileId(input, domain);
    const all = [...this.state(domain).definitions.values()].sort(byName);
    const page = this.page({ all, input, scope: `ListCalculatedAttributesForProfile\0${domain}\0${profileId}` });
    const Items = page.items.map((def) => ({ CalculatedAttributeName: def.name, DisplayName: def.displayName, ...this.valueOf({ domain, def, profileId }) }));
    return { Items, NextToken: page.nextToken };
  }

  private batchGet(input: OperationInput): OperationOutput {
    const def = this.definition(input);
    const domain = this.domainName(input);
    const ids = input.ProfileIds;
    if (!Array.isArray(ids) || ids.length < 1 || ids.length > 100 || !ids.every((id) => typeof id === 'string')) {
      throw new BadRequestException(`ProfileIds: expected 1 to 100 profile ids; saw ${Array.isArray(ids) ? `${ids.length} items` : JSON.stringify(ids)}`);
    }
    const override = checkOverrides({ overrides: input.ConditionOverrides });
    const now = this.clock.now();
    const window = override ? { from: now - override.startDays * DAY_MS, to: now - override.endDays * DAY_MS, startDays: override.startDays } : undefined;
    const Errors: { Code: string; Message: string; ProfileId: string }[] = [];
    const CalculatedAttributeValues: Record<string, unknown>[] = [];
    // A repeated id is answered once, at its first position.
    for (const profileId of new Set(ids as string[])) {
      if (!this.profileExists({ domain, profileId })) {
        Errors.push({ Code: 'ResourceNotFoundException', Message: `Profile ${profileId} not found in domain ${domain}`, ProfileId: profileId });
        continue;
      }
      CalculatedAttributeValues.push({
        CalculatedAttributeName: def.name,
        DisplayName: def.displayName,
        ProfileId: profileId,
        ...this.valueOf({ domain, def, profileId, window }),
      });
    }
    return { Errors, CalculatedAttributeValues, ConditionOverrides: clone(input.ConditionOverrides) };
  }

  // ---- values -----------------------------------------------------------------------------------------------

  /**
   * Value members of one (definition, profile). `window` is a BatchGet override (R23): it replaces the definition's
   * Conditions for this call, so the definition's Range, ObjectCount and Threshold give way to it (the object times
   * still come from the definition's TimestampSource).
   */
  private valueOf({ domain, def, profileId, window }: { domain: string; def: Definition; profileId: string; window?: Window }): { IsDataPartial: string; Value?: string; LastObjectTimestamp?: Date } {
    let result: StatisticResult;
    // Objects selected before ObjectCount applies (R25 compares them with ObjectCount); only counted when it applies.
    let selected = 0;
    const last = window === undefined ? def.cond.objectCount : undefined;
    if (def.aggregates && window === undefined) {
      result = def.aggregates.get(profileId)?.result() ?? emptyResult();
    } else if (def.windows) {
      // The same selection as select(): the override replaces the window and drops ObjectCount (R23).
      const w = window ?? def.cond.window?.(this.clock.now());
      const index = def.windows.get(profileId);
      result = index?.result({ from: w?.from, to: w?.to, last }) ?? emptyResult();
      if (last !== undefined) selected = index?.countIn({ from: w?.from, to: w?.to }) ?? 0;
    } else {
      const all = this.select({ state: this.state(domain), def, profileId, window });
      selected = all.length;
      const items = last !== undefined && all.length > last ? all.slice(all.length - last) : all;
      result = statisticOfSorted({ statistic: def.base.statistic, items });
    }
    const threshold = window === undefined ? def.cond.threshold : undefined;
    let value = threshold ? applyThreshold({ value: result.value, threshold }) : result.value;
    if (value !== undefined && value.length > MAX_VALUE_LENGTH) value = value.slice(0, MAX_VALUE_LENGTH);
    const partial = this.readiness(def).Status !== 'COMPLETED' || this.partial({ def, selected, overrideStartDays: window?.startDays });
    return {
      IsDataPartial: partial ? 'true' : 'false',
      Value: value,
      // R14: LastObjectTimestamp comes with a Value, never alone.
      LastObjectTimestamp: value === undefined || result.lastObjectTime === undefined ? undefined : new Date(result.lastObjectTime),
    };
  }

  /**
   * R25: the data is partial while the Range (an override's Start in BatchGet) reaches further back than the definition
   * has existed, or while fewer objects are selected than ObjectCount asks for (not under an override).
   */
  private partial({ def, selected, overrideStartDays }: { def: Definition; selected: number; overrideStartDays?: number }): boolean {
    const days = overrideStartDays ?? def.cond.pastDays;
    if (days !== undefined && days > 0 && this.clock.now() - def.createdAt < days * DAY_MS) return true;
    const wanted = overrideStartDays === undefined ? def.cond.objectCount : undefined;
    return wanted !== undefined && selected < wanted;
  }

  /** R7 (UseHistoricalData), R5/R6 (expression) and R9 (Filter): the expression value, or undefined to exclude. */
  private accept(def: Definition, stored: StoredObject): string | number | undefined {
    if (def.useHistoricalData !== true && stored.ingestedAt < def.createdAt) return undefined;
    const value = def.base.extract(stored.subject);
    if (value === undefined) return undefined;
    if (def.base.filter && !def.base.filter(stored.subject)) return undefined;
    return value;
  }

  /**
   * The scan path: this profile's objects of the definition's type, selected (R1, R7-R9) and in R3 order, before
   * ObjectCount (R10, which the caller applies). An override `window` replaces the definition's window (R23).
   */
  private select({ state, def, profileId, window }: { state: DomainState; def: Definition; profileId: string; window?: Window }): Selected[] {
    const objects = state.objects.get(def.base.objectType)?.get(profileId);
    if (!objects) return [];
    const w = window ?? def.cond.window?.(this.clock.now());
    const timeOf = def.cond.timeOf;
    const items: Selected[] = [];
    for (const stored of objects.values()) {
      const value = this.accept(def, stored);
      if (value === undefined) continue;
      const time = timeOf ? timeOf(stored.subject) : stored.ingestedAt;
      if (time === undefined) continue;
      if (w && (time < w.from || time > w.to)) continue;
      items.push({ time, ingestedAt: stored.ingestedAt, seq: stored.seq, value });
    }
    items.sort((a, b) => a.time - b.time || a.ingestedAt - b.ingestedAt || a.seq - b.seq);
    return items;
  }

  private contribute({ def, profileId, stored }: { def: Definition; profileId: string; stored: StoredObject }): void {
    const value = this.accept(def, stored);
    if (value === undefined) return;
    const aggregates = def.aggregates!;
    let agg = aggregates.get(profileId);
    if (!agg) aggregates.set(profileId, (agg = new Aggregate({ statistic: def.base.statistic })));
    agg.add(stored.ingestedAt, stored.seq, value);
  }

  /** Adds an object to the profile's window index when the definition selects it (R1, R5-R7, R9, R15). */
  private index({ def, profileId, stored }: { def: Definition; profileId: string; stored: StoredObject }): void {
    const value = this.accept(def, stored);
    if (value === undefined) return;
    const time = def.cond.timeOf ? def.cond.timeOf(stored.subject) : stored.ingestedAt;
    if (time === undefined) return;
    const windows = def.windows!;
    let index = windows.get(profileId);
    if (!index) windows.set(profileId, (index = new WindowIndex({ statistic: def.base.statistic })));
    index.add(time, stored.ingestedAt, stored.seq, value);
  }

  /** Takes an object out of the profile's window index; its key is recomputed the way index() computed it. */
  private unindex({ def, profileId, stored }: { def: Definition; profileId: string; stored: StoredObject }): void {
    const index = def.windows!.get(profileId);
    if (!index || this.accept(def, stored) === undefined) return;
    const time = def.cond.timeOf ? def.cond.timeOf(stored.subject) : stored.ingestedAt;
    if (time === undefined) return;
    index.delete({ time, ingestedAt: stored.ingestedAt, seq: stored.seq });
    if (index.size === 0) def.windows!.delete(profileId);
  }

  private rebuildProfile({ state, def, profileId }: { state: DomainState; def: Definition; profileId: string }): void {
    def.aggregates!.delete(profileId);
    const objects = state.objects.get(def.base.objectType)?.get(profileId);
    for (const stored of objects?.values() ?? []) this.contribute({ def, profileId, stored });
  }

  /**
   * Keeps aggregates while the definition is unwindowed and window indexes while it is windowed: built on create, and
   * on an update that adds or drops the window or changes how object times are read (`timeChanged`).
   */
  private syncIndexes({ state, def, timeChanged }: { state: DomainState; def: Definition; timeChanged: boolean }): void {
    const fast = this.options.calculatedAttributeScanOnly !== true;
    const objects = state.objects.get(def.base.objectType) ?? new Map<string, ProfileObjects>();
    if (!fast || def.cond.windowed) def.aggregates = undefined;
    if (!fast || !def.cond.windowed) def.windows = undefined;
    if (!fast) return;
    if (!def.cond.windowed) {
      if (def.aggregates) return;
      def.aggregates = new Map();
      for (const [profileId, stored] of objects) for (const s of stored.values()) this.contribute({ def, profileId, stored: s });
      return;
    }
    if (def.windows && !timeChanged) return;
    def.windows = new Map();
    for (const [profileId, stored] of objects) for (const s of stored.values()) this.index({ def, profileId, stored: s });
  }

  // ---- helpers ----------------------------------------------------------------------------------------------

  private readiness(def: Definition): { Status: string; Readiness: { ProgressPercentage: number; Message?: string } } {
    const delay = this.options.calculatedAttributeReadyAfterMs ?? 0;
    const elapsed = this.clock.now() - def.createdAt;
    if (!(delay > 0) || elapsed >= delay) return { Status: 'COMPLETED', Readiness: { ProgressPercentage: 100 } };
    const pct = Math.min(99, Math.max(0, Math.floor((elapsed * 100) / delay)));
    return { Status: 'IN_PROGRESS', Readiness: { ProgressPercentage: pct, Message: 'Historical data is being processed' } };
  }

  private describe(def: Definition, { withFilter }: { withFilter: boolean }): OperationOutput {
    const { Status, Readiness } = this.readiness(def);
    return {
      CalculatedAttributeName: def.name,
      DisplayName: def.displayName,
      Description: def.description,
      AttributeDetails: clone(def.attributeDetails),
      Conditions: clone(def.conditions),
      ...(withFilter ? { Filter: clone(def.filter) } : {}),
      Statistic: def.base.statistic,
      CreatedAt: new Date(def.createdAt),
      LastUpdatedAt: new Date(def.lastUpdatedAt),
      UseHistoricalData: def.useHistoricalData,
      Status,
      Readiness,
      Tags: clone(def.tags),
    };
  }

  private page<T>({ all, input, scope }: { all: readonly T[]; input: OperationInput; scope: string }) {
    const maxResults = input.MaxResults;
    if (maxResults !== undefined && (typeof maxResults !== 'number' || !Number.isInteger(maxResults) || maxResults < 1 || maxResults > 100)) {
      throw new BadRequestException(`MaxResults: expected an integer from 1 to 100; saw ${JSON.stringify(maxResults)}`);
    }
    return this.tokens.page({
      all,
      maxResults: maxResults as number | undefined,
      nextToken: str(input.NextToken),
      scope,
      defaultPageSize: this.options.defaultPageSize ?? 100,
    });
  }

  private state(domain: string): DomainState {
    let s = this.domains.get(domain);
    if (!s) this.domains.set(domain, (s = { definitions: new Map(), byType: new Map(), objects: new Map(), derived: new Map() }));
    return s;
  }

  private domainName(input: OperationInput): string {
    const d = input.DomainName;
    if (typeof d !== 'string' || d === '') throw new BadRequestException(`DomainName: expected a domain name; saw ${JSON.stringify(d)}`);
    return d;
  }

  private attributeName(input: OperationInput): string {
    const n = input.CalculatedAttributeName;
    if (typeof n !== 'string' || n === '') throw new BadRequestException(`CalculatedAttributeName: expected a name; saw ${JSON.stringify(n)}`);
    return n;
  }

  private definition(input: OperationInput): Definition {
    const domain = this.domainName(input);
    const name = this.attributeName(input);
    const def = this.domains.get(domain)?.definitions.get(name);
    if (!def) throw new ResourceNotFoundException(`Calculated attribute definition ${name} not found in domain ${domain}`);
    return def;
  }

  private profileId(input: OperationInput, domain: string): string {
    const id = input.ProfileId;
    if (typeof id !== 'string' || id === '') throw new BadRequestException(`ProfileId: expected a profile id; saw ${JSON.stringify(id)}`);
    if (!this.profileExists({ domain, profileId: id })) throw new ResourceNotFoundException(`Profile ${id} not found in domain ${domain}`);
    return id;
  }
}
