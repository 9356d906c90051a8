import { describe, expect, it } from 'vitest';
import { FieldContentType, StandardIdentifier } from '@aws-sdk/client-customer-profiles';
import { objectTypeDefinition, objectTypeDefinitions } from '../../../generators/scenarios/object-types.ts';
import { objectTypeNames } from '../../../generators/scenarios/names.ts';
import { ALL_KINDS, KINDS, PROFILE_RECORD_TYPE, type TravelKind } from '../../../generators/fields.ts';
import { generateRecords } from '../../../generators/generate.ts';
import { REF_MS } from '../helpers.ts';

const NAME = /^[a-zA-Z0-9_-]{1,64}$/;
const FIELD_NAME = /^[a-zA-Z0-9_.-]{1,64}$/;
const TYPE_NAME = /^[a-zA-Z_][a-zA-Z_0-9-]*$/;
const names = objectTypeNames({ seed: 1, runId: 'types', kinds: ALL_KINDS });
const defs = objectTypeDefinitions({ kinds: ALL_KINDS, domainName: 'cpct-types-test', objectTypeNames: names });

describe('objectTypeDefinition', () => {
  it.each(defs.map((d, i) => [ALL_KINDS[i], d] as const))('returns a model-valid PutProfileObjectType input for %s', (kind, d) => {
    expect(d.DomainName).toMatch(NAME);
    expect(d.ObjectTypeName).toMatch(TYPE_NAME);
    expect(d.Description!.length).toBeGreaterThanOrEqual(1);
    expect(d.Description!.length).toBeLessThanOrEqual(1000);
    expect(typeof d.AllowProfileCreation).toBe('boolean');
    expect(d.SourceLastUpdatedTimestampFormat).toBeUndefined();
    const contentTypes = Object.values(FieldContentType) as string[];
    for (const [name, field] of Object.entries(d.Fields!)) {
      expect(name).toMatch(FIELD_NAME);
      expect(field.Source).toBe(`_source.${name}`);
      expect(field.Target!.length).toBeLessThanOrEqual(1000);
      expect(field.Target === `_profile.${name}` || field.Target === `${d.ObjectTypeName}.${name}`).toBe(true);
      expect(contentTypes).toContain(field.ContentType);
    }
    const identifiers = Object.values(StandardIdentifier) as string[];
    let unique = 0;
    let profile = 0;
    for (const [keyName, keys] of Object.entries(d.Keys!)) {
      expect(keyName).toMatch(NAME);
      for (const key of keys) {
        for (const id of key.StandardIdentifiers!) expect(identifiers).toContain(id);
        for (const f of key.FieldNames!) {
          expect(f).toMatch(NAME);
          expect(d.Fields![f], `${keyName} -> ${f}`).toBeDefined();
        }
        if (key.StandardIdentifiers!.includes('UNIQUE')) {
          unique++;
          expect(key.StandardIdentifiers).toContain(KINDS[kind].standardIdentifier);
          expect(key.FieldNames).toEqual([KINDS[kind].idField]);
        }
        if (key.StandardIdentifiers!.includes('PROFILE')) {
          profile++;
          expect(key.FieldNames).toEqual(['AccountNumber']);
          expect(d.Fields!.AccountNumber.Target).toBe('_profile.AccountNumber');
        }
      }
    }
    expect(unique).toBe(1);
    expect(profile).toBe(1);
  });

  it('returns Fields covering every field path the generators write', () => {
    const missing: string[] = [];
    const byType = new Map(defs.map((d, i) => [ALL_KINDS[i] as string, d]));
    for (const { objectTypeName, object } of generateRecords({ seed: 4, clockMs: REF_MS, profiles: 300 })) {
      const d = byType.get(objectTypeName);
      if (!d) continue;
      for (const [key, value] of Object.entries(object)) {
        const paths = value !== null && typeof value === 'object' ? Object.keys(value).map((s) => `${key}.${s}`) : [key];
        for (const p of paths) if (!d.Fields![p]) missing.push(`${objectTypeName}.${p}`);
      }
    }
    expect([...new Set(missing)]).toEqual([]);
  });

  it('marks money, counts and points NUMBER, e-mails EMAIL_ADDRESS and phones PHONE_NUMBER', () => {
    const rev = objectTypeDefinition({ kind: 'hotelStayRevenue', domainName: 'd', objectTypeName: 'rev' });
    expect(rev.Fields!.Amount.ContentType).toBe('NUMBER');
    const loy = objectTypeDefinition({ kind: 'loyalty', domainName: 'd', objectTypeName: 'loy' });
    expect(loy.Fields!['Points.Balance'].ContentType).toBe('NUMBER');
    expect(loy.Fields!.EmailAddress.ContentType).toBe('EMAIL_ADDRESS');
    expect(loy.Fields!.PhoneNumber.ContentType).toBe('PHONE_NUMBER');
    expect(loy.Fields!['Tier.Name'].ContentType).toBe('STRING');
  });

  it('marks NUMBER every field whose generated values are all numeric amounts or counts, and no field that does not exist', () => {
    const numeric = new Map<string, boolean>();
    const walk = (value: Record<string, unknown>, prefix: string) => {
      for (const [key, v] of Object.entries(value)) {
        const path = prefix ? `${prefix}.${key}` : key;
        if (typeof v === 'string') numeric.set(path, (numeric.get(path) ?? true) && /^-?\d+(\.\d+)?$/.test(v) && !/(Date|DateTime)$/.test(path));
        else if (v && typeof v === 'object' && !Array.isArray(v)) walk(v as Record<string, unknown>, path);
      }
    };
    for (const record of generateRecords({ seed: 3, clockMs: REF_MS, profiles: 30 })) if (record.objectTypeName !== PROFILE_RECORD_TYPE) walk(record.object, '');
    const marked = new Set(ALL_KINDS.flatMap((kind) => Object.entries(objectTypeDefinition({ kind, domainName: 'd', objectTypeName: 'x' }).Fields!).filter(([, f]) => f.ContentType === 'NUMBER').map(([name]) => name)));
    // ConfirmationNumber is an identifier written with digits, not an amount.
    const expected = [...numeric].filter(([, all]) => all).map(([p]) => p).filter((p) => p !== 'ConfirmationNumber');
    expect([...marked].sort()).toEqual(expected.sort());
  });

  it('returns the documented key names for hotel preference and loyalty', () => {
    const kinds: TravelKind[] = ['hotelPreference', 'loyalty'];
    const [hp, loy] = kinds.map((kind) => objectTypeDefinition({ kind, domainName: 'd', objectTypeName: 't' }));
    expect(hp.Keys!._hotelPreferenceId[0].FieldNames).toEqual(['PreferenceId']);
    expect(loy.Keys!._loyaltyId[0].FieldNames).toEqual(['LoyaltyId']);
  });

  it('returns the pattern AWS\'s sample publishes when asked for SourceLastUpdatedTimestampFormat, and sets ExpirationDays when given', () => {
    const d = objectTypeDefinition({ kind: 'airBooking', domainName: 'd', objectTypeName: 't', withSourceLastUpdatedTimestampFormat: true, expirationDays: 30 });
    expect(d.SourceLastUpdatedTimestampFormat).toBe("yyyy-MM-dd'T'HH:mm:ss'Z'");
    expect(d.ExpirationDays).toBe(30);
  });
});
