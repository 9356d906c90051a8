import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FieldContentType, StandardIdentifier } from '@aws-sdk/client-customer-profiles';
import { COUNTS, LIMITS } from '../../generators/limits.ts';
import { KINDS } from '../../generators/fields.ts';

// The model lives outside the repository (../shared/models); when it is not there (e.g. a bare CI checkout) the
// cross-check is skipped and the SDK enums below still run.
const MODEL_PATH = resolve(import.meta.dirname, '../../../shared/models/customer-profiles.smithy.json');
const hasModel = existsSync(MODEL_PATH);
type Shape = { type: string; traits?: Record<string, any>; members?: Record<string, any> };
const shapes: Record<string, Shape> = hasModel ? JSON.parse(readFileSync(MODEL_PATH, 'utf8')).shapes : {};
const shape = (name: string): Shape => shapes[`com.amazonaws.customerprofiles#${name}`];

describe('LIMITS', () => {
  it.skipIf(!hasModel).each(Object.entries(LIMITS))('matches the model traits of %s', (_key, limit) => {
    const traits = shape(limit.shape).traits ?? {};
    expect(traits['smithy.api#length']).toEqual({ min: limit.min, max: limit.max });
    expect(traits['smithy.api#pattern']).toBe('pattern' in limit ? limit.pattern.source : undefined);
  });

  it.skipIf(!hasModel).each(Object.entries(COUNTS))('matches the model bounds of %s', (name, bounds) => {
    const traits = shape(name).traits ?? {};
    expect(traits['smithy.api#length'] ?? traits['smithy.api#range']).toEqual(bounds);
  });

  it.skipIf(!hasModel)('names the shapes the requests really use', () => {
    const target = (s: string, m: string): string => shape(s).members![m].target.split('#')[1];
    expect(target('PutProfileObjectRequest', 'Object')).toBe(LIMITS.stringifiedJson.shape);
    expect(target('CreateDomainLayoutRequest', 'Layout')).toBe(LIMITS.layout.shape);
    expect(target('CreateDomainRequest', 'DomainName')).toBe(LIMITS.name.shape);
    expect(target('PutProfileObjectTypeRequest', 'ObjectTypeName')).toBe(LIMITS.typeName.shape);
    expect(target('CreateCalculatedAttributeDefinitionRequest', 'CalculatedAttributeName')).toBe(LIMITS.typeName.shape);
    expect(target('CreateCalculatedAttributeDefinitionRequest', 'DisplayName')).toBe(LIMITS.displayName.shape);
    expect(target('CreateDomainLayoutRequest', 'LayoutDefinitionName')).toBe(LIMITS.name.shape);
    expect(target('ObjectTypeField', 'Source')).toBe(LIMITS.text.shape);
    expect(target('AttributeItem', 'Name')).toBe(LIMITS.attributeName.shape);
  });
});

describe('KINDS', () => {
  it('uses standard identifiers that are values of the SDK StandardIdentifier enum', () => {
    const values = Object.values(StandardIdentifier) as string[];
    for (const spec of Object.values(KINDS)) expect(values).toContain(spec.standardIdentifier);
    expect(new Set(Object.values(KINDS).map((k) => k.standardIdentifier)).size).toBe(9);
  });

  it('has the SDK FieldContentType values the object type builder uses', () => {
    expect(Object.values(FieldContentType)).toEqual(expect.arrayContaining(['STRING', 'NUMBER', 'EMAIL_ADDRESS', 'PHONE_NUMBER', 'NAME']));
  });
});

// The documented field names must really be in the reference notes, section by section.
const NOTES_PATH = resolve(import.meta.dirname, '../../../shared/reference/travel-hospitality-objects.md');
const hasNotes = existsSync(NOTES_PATH);

describe('KINDS documented fields', () => {
  it.skipIf(!hasNotes).each(Object.values(KINDS).map((k) => [k.kind, k] as const))('are named in the reference section of %s', (kind, spec) => {
    const text = readFileSync(NOTES_PATH, 'utf8');
    const sections = text.split(/\n## /);
    const section = sections.find((s) => s.includes(`(\`${kind}\``) || (kind === 'hotelStayRevenue' && s.startsWith('5. Hotel stay revenue')));
    expect(section, kind).toBeDefined();
    for (const field of spec.documented) expect(section!, `${kind}.${field}`).toMatch(new RegExp(`\\b${field}\\b`));
    for (const field of spec.ours) {
      if (field === 'AccountNumber') continue;
      expect(new RegExp(`(^|[\\s,|(])${field}([\\s,|)]|$)`).test(section!), `${kind}.${field} is documented; move it to documented`).toBe(false);
    }
  });
});
