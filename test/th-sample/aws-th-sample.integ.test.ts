import {
  CreateCalculatedAttributeDefinitionCommand,
  CreateDomainCommand,
  GetCalculatedAttributeForProfileCommand,
  GetDomainCommand,
  ListProfileObjectsCommand,
  PutProfileObjectCommand,
  PutProfileObjectTypeCommand,
  SearchProfilesCommand,
  type CustomerProfilesClient,
  type ListProfileObjectsRequest,
  type ListProfileObjectsItem,
  type Profile,
} from '@aws-sdk/client-customer-profiles';
import { beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../harness/clock.ts';
import { createMock } from '../../harness/mock/index.ts';
import { SAMPLE_OBJECT_TYPES, sampleLoyaltyId, sampleMembers, type SampleMember, type SampleRecord, type SampleVertical } from '../../generators/aws-sample.ts';
import { computeCalculatedAttribute, type OracleObject, type OracleObjectType } from '../../generators/oracle/index.ts';
import {
  SAMPLE_DIR, SAMPLE_FILES, hasSample, readSampleFile, sourceFields, type SampleMapping,
} from './sample-files.ts';

/**
 * AWS's travel and hospitality sample end to end against the reference implementation, through the real SDK: its
 * object-type mappings and calculated attributes are sent unchanged (read from ../shared at test time), then records
 * shaped like the sample's (generators/aws-sample.ts) are ingested. Every expected value comes from the generated
 * records, the sample's mapping files and the oracle (generators/oracle/), never from the mock.
 */

const CLOCK_MS = Date.UTC(2025, 5, 9, 12, 0, 0);
const SEED = 20250709;
const MEMBERS = 5;

interface Run {
  client: CustomerProfilesClient;
  domain: string;
  mappings: Map<string, SampleMapping>;
  typeResults: { name: string; echoed?: string; error?: string }[];
  members: SampleMember[];
  putErrors: string[];
  putKeys: number;
  /** Records sent before any profile could match them (AllowProfileCreation false): accepted, attached to nothing. */
  unmatched: { record: SampleRecord; key?: string; error?: string }[];
  orphanLoyaltyId: string;
}

/** Every page of a ListProfileObjects answer. */
async function listAll(client: CustomerProfilesClient, input: ListProfileObjectsRequest): Promise<ListProfileObjectsItem[]> {
  const items: ListProfileObjectsItem[] = [];
  let token: string | undefined;
  do {
    const page = await client.send(new ListProfileObjectsCommand({ ...input, NextToken: token, MaxResults: 100 }));
    items.push(...(page.Items ?? []));
    token = page.NextToken;
  } while (token);
  return items;
}

async function searchOne(run: Run, KeyName: string, value: string): Promise<Profile[]> {
  return (await run.client.send(new SearchProfilesCommand({ DomainName: run.domain, KeyName, Values: [value] }))).Items ?? [];
}

/** Creates the domain, sends the sample's mappings unchanged, then every member's records (and two unmatched ones). */
async function ingest(vertical: SampleVertical): Promise<Run> {
  const mock = createMock({ clock: new ManualClock({ startMs: CLOCK_MS }) });
  const client = mock.client();
  const domain = `cpct-th-${vertical}`;
  await client.send(new CreateDomainCommand({ DomainName: domain, DefaultExpirationDays: 366 }));
  const mappings = new Map<string, SampleMapping>();
  const typeResults: Run['typeResults'] = [];
  for (const file of SAMPLE_FILES[vertical].mappings) {
    const mapping = readSampleFile({ file }) as SampleMapping;
    mappings.set(mapping.ObjectTypeName, mapping);
    try {
      const out = await client.send(new PutProfileObjectTypeCommand({ DomainName: domain, ...(mapping as object) } as never));
      typeResults.push({ name: mapping.ObjectTypeName, echoed: out.ObjectTypeName });
    } catch (error) {
      typeResults.push({ name: mapping.ObjectTypeName, error: `${(error as Error).name}: ${(error as Error).message}` });
    }
  }
  const members = sampleMembers({ seed: SEED, clockMs: CLOCK_MS, count: MEMBERS, vertical });
  const run: Run = { client, domain, mappings, typeResults, members, putErrors: [], putKeys: 0, unmatched: [], orphanLoyaltyId: sampleLoyaltyId({ vertical, index: 9_999 }) };
  const send = async (record: SampleRecord) => {
    const out = await client.send(new PutProfileObjectCommand({ DomainName: domain, ObjectTypeName: record.objectTypeName, Object: JSON.stringify(record.object) }));
    return out.ProfileObjectUniqueKey;
  };
  const preferences = SAMPLE_OBJECT_TYPES[vertical].preferences;
  // Member 0's preferences arrive before its loyalty record, and a preference arrives for a member who never joins:
  // the Preferences types do not allow profile creation, so no profile matches either.
  const early = members[0].records.find((r) => r.objectTypeName === preferences) as SampleRecord;
  const orphan: SampleRecord = { objectTypeName: preferences, object: { ...early.object, LoyaltyId: run.orphanLoyaltyId, PreferenceId: 'P-ORPHAN', ReferenceId: run.orphanLoyaltyId } };
  for (const record of [early, orphan]) {
    try {
      run.unmatched.push({ record, key: await send(record) });
    } catch (error) {
      run.unmatched.push({ record, error: `${(error as Error).name}: ${(error as Error).message}` });
    }
  }
  for (const member of members) {
    for (const record of member.records) {
      try {
        if (await send(record)) run.putKeys++;
      } catch (error) {
        run.putErrors.push(`${record.objectTypeName} ${JSON.stringify(record.object).slice(0, 80)}: ${(error as Error).name}: ${(error as Error).message}`);
      }
    }
  }
  return run;
}

function countsByType(records: SampleRecord[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of records) counts.set(r.objectTypeName, (counts.get(r.objectTypeName) ?? 0) + 1);
  return counts;
}

describe.skipIf(!hasSample)(hasSample ? 'AWS T&H sample end to end' : `AWS T&H sample end to end (skipped: ${SAMPLE_DIR} is absent on this machine)`, () => {
  for (const vertical of ['airline', 'hotel'] as const) {
    describe(`${vertical}: PutProfileObjectType, PutProfileObject, SearchProfiles, ListProfileObjects`, () => {
      let run: Run;
      beforeAll(async () => {
        run = await ingest(vertical);
      }, 120_000);

      it('returns the generated records with exactly the fields the mappings read', () => {
        for (const member of run.members) {
          for (const record of member.records) {
            const mapping = run.mappings.get(record.objectTypeName) as SampleMapping;
            expect(Object.keys(record.object).sort(), `${record.objectTypeName} of ${member.loyaltyId}`).toEqual([...sourceFields({ mapping })].sort());
          }
          const counts = countsByType(member.records);
          const bookings = counts.get(SAMPLE_OBJECT_TYPES[vertical].booking) ?? 0;
          expect(bookings).toBeGreaterThanOrEqual(3);
          expect(bookings).toBeLessThanOrEqual(15);
          expect(member.loyaltyId).toMatch(vertical === 'airline' ? /^L\d{8}$/ : /^H\d{8}$/);
        }
      });

      it('accepts every object type of the sample unchanged', () => {
        expect(run.typeResults).toEqual(SAMPLE_FILES[vertical].mappings.map((file) => {
          const name = readSampleFile({ file }).ObjectTypeName as string;
          return { name, echoed: name };
        }));
      });

      it('returns a ProfileObjectUniqueKey for every record', () => {
        expect(run.putErrors).toEqual([]);
        expect(run.putKeys).toBe(run.members.reduce((n, m) => n + m.records.length, 0));
      });

      it('returns a key for a record no profile matches under AllowProfileCreation false, and attaches it to no profile (D-NO-MATCH-DEAD-LETTER)', async () => {
        const preferences = run.mappings.get(SAMPLE_OBJECT_TYPES[vertical].preferences) as SampleMapping;
        expect(preferences.AllowProfileCreation).toBe(false);
        expect(run.unmatched.map((u) => ({ error: u.error, hasKey: typeof u.key === 'string' && u.key.length > 0 }))).toEqual([
          { error: undefined, hasKey: true },
          { error: undefined, hasKey: true },
        ]);
        expect(await searchOne(run, 'LoyaltyId', run.orphanLoyaltyId)).toEqual([]);
        const stats = (await run.client.send(new GetDomainCommand({ DomainName: run.domain }))).Stats;
        expect(stats?.ProfileCount).toBe(MEMBERS);
      });

      it('returns one profile per loyalty id by SearchProfiles on the sample key LoyaltyId, with the loyalty record\'s names and AccountNumber', async () => {
        for (const member of run.members) {
          const loyalty = member.records[0].object;
          const found = await searchOne(run, 'LoyaltyId', member.loyaltyId);
          expect(found, member.loyaltyId).toHaveLength(1);
          expect(found[0]).toMatchObject({
            FirstName: loyalty.FirstName,
            MiddleName: loyalty.MiddleName,
            LastName: loyalty.LastName,
            AccountNumber: member.loyaltyId,
            EmailAddress: loyalty.Email,
            PhoneNumber: loyalty.PhoneNumber,
            BirthDate: loyalty.BirthDate,
            Gender: loyalty.Gender,
            Address: expect.objectContaining({ City: loyalty.City, PostalCode: loyalty.PostalCode, Country: loyalty.CountryCode, State: loyalty.State }),
          });
          expect(found[0].Attributes?.LoyaltyId).toBe(member.loyaltyId);
          expect(found[0].Attributes?.PhoneCountryCode).toBe(loyalty.PhoneCountryCode);
          // The same profile under the predefined key _account (_profile.AccountNumber holds the loyalty id).
          expect((await searchOne(run, '_account', member.loyaltyId)).map((p) => p.ProfileId)).toEqual([found[0].ProfileId]);
        }
      });

      it('returns per profile and object type the records sent, by ListProfileObjects', async () => {
        for (const member of run.members) {
          const [profile] = await searchOne(run, 'LoyaltyId', member.loyaltyId);
          const expected = countsByType(member.records);
          for (const objectTypeName of run.mappings.keys()) {
            const items = await listAll(run.client, { DomainName: run.domain, ObjectTypeName: objectTypeName, ProfileId: profile.ProfileId as string });
            const sent = member.records.filter((r) => r.objectTypeName === objectTypeName).map((r) => JSON.stringify(r.object)).sort();
            expect(items.length, `${member.loyaltyId} ${objectTypeName}`).toBe(expected.get(objectTypeName) ?? 0);
            expect(items.map((i) => i.Object as string).sort()).toEqual(sent);
          }
        }
      });

      it('finds the member by the keys without StandardIdentifiers and by the non-UNIQUE T&H key, and filters objects by them', async () => {
        const bookingType = SAMPLE_OBJECT_TYPES[vertical].booking;
        const keyName = vertical === 'airline' ? 'PNR' : 'ConfirmationNumber';
        const mapping = run.mappings.get(bookingType) as SampleMapping;
        expect(mapping.Keys[keyName][0].StandardIdentifiers).toBeUndefined();
        let shared = 0;
        for (const member of run.members) {
          const [profile] = await searchOne(run, 'LoyaltyId', member.loyaltyId);
          const bookings = member.records.filter((r) => r.objectTypeName === bookingType);
          for (const value of new Set(bookings.map((b) => String(b.object[keyName])))) {
            expect((await searchOne(run, keyName, value)).map((p) => p.ProfileId), `${keyName} ${value}`).toEqual([profile.ProfileId]);
            const same = bookings.filter((b) => String(b.object[keyName]) === value).length;
            if (same > 1) shared++;
            const filtered = await listAll(run.client, { DomainName: run.domain, ObjectTypeName: bookingType, ProfileId: profile.ProfileId as string, ObjectFilter: { KeyName: keyName, Values: [value] } });
            expect(filtered, `${keyName} ${value}`).toHaveLength(same);
          }
          if (vertical === 'airline') {
            // SegmentId carries AIR_SEGMENT without UNIQUE.
            expect(mapping.Keys.SegmentId[0].StandardIdentifiers).toEqual(['AIR_SEGMENT']);
            const segment = String(bookings[0].object.SegmentId);
            expect((await searchOne(run, 'SegmentId', segment)).map((p) => p.ProfileId)).toEqual([profile.ProfileId]);
          }
        }
        // Round trips share a PNR, so some filter above returned two objects.
        if (vertical === 'airline') expect(shared).toBeGreaterThan(0);
      });

      if (vertical === 'airline') {
        // The sample's two definitions sent unchanged: a Range without TimestampFormat, `{Booking.SegmentPNR}` (a Fields
        // entry of the Booking type) and `{_airSegment.Seat.Price}` (the standard object the Booking mapping builds).
        // Expected values: the oracle, given the member's records as put and the domain's object types.
        it('returns the sample\'s calculated attributes with the oracle\'s values, DayOfTravel counting bookings through Fields.SegmentPNR', async () => {
          const definitions = SAMPLE_FILES.airline.definitions.map((file) => readSampleFile({ file }));
          for (const definition of definitions) {
            const out = await run.client.send(new CreateCalculatedAttributeDefinitionCommand({ DomainName: run.domain, ...(definition as object) } as never));
            expect(out.CalculatedAttributeName).toBe(definition.CalculatedAttributeName);
          }
          const objectTypes = Object.fromEntries([...run.mappings].map(([name, mapping]) => [name, mapping])) as Record<string, OracleObjectType>;
          let withValue = 0;
          for (const member of run.members) {
            const [profile] = await searchOne(run, 'LoyaltyId', member.loyaltyId);
            const objects: OracleObject[] = member.records
              .filter((r) => r.objectTypeName !== SAMPLE_OBJECT_TYPES[vertical].preferences)
              .map((r) => ({ objectTypeName: r.objectTypeName, object: r.object, ingestedAtMs: CLOCK_MS }));
            for (const definition of definitions) {
              const name = definition.CalculatedAttributeName as string;
              const expected = computeCalculatedAttribute({ definition: definition as never, objects, nowMs: CLOCK_MS, definitionCreatedAtMs: CLOCK_MS, objectTypes });
              const got = await run.client.send(new GetCalculatedAttributeForProfileCommand({ DomainName: run.domain, ProfileId: profile.ProfileId, CalculatedAttributeName: name }));
              expect(got.Value ?? null, `${name} of ${member.loyaltyId}`).toBe(expected.value);
              if (name === 'DayOfTravel') {
                // Every booking record carries a PNR, so the count is the member's bookings (as the sample describes it).
                expect(expected.value, member.loyaltyId).toBe(String(member.records.filter((r) => r.objectTypeName === 'Booking').length));
              }
              if (expected.value !== null) withValue++;
            }
          }
          expect(withValue).toBeGreaterThan(0);
        });
      }
    });
  }
});
