/**
 * PutProfileObjectType inputs for the nine T&H kinds, built from the field table in ../fields.ts.
 *
 * Every field the generators write is mapped `_source.<path>` -> `<objectTypeName>.<path>` (nested sub-fields use a
 * dotted Fields key, which the model's fieldName pattern allows), except AccountNumber, which maps to
 * `_profile.AccountNumber` and is the PROFILE key. The object's own id is one key with the kind's T&H standard
 * identifier and UNIQUE (model: StandardIdentifier enum; "only 1 UNIQUE key"). Key names follow the documented index
 * names where the docs give them (`_hotelPreferenceId`, `_loyaltyId`) and the same `_<kind>Id` pattern otherwise.
 * Combining the T&H identifier with UNIQUE in one key is the project's assumption. SourceLastUpdatedTimestampFormat is
 * sent only when asked for, and then as the one value AWS publishes (its travel and hospitality sample's pattern,
 * register entry S-TH-MAPPINGS): the model documents it only as "the format of your sourceLastUpdatedTimestamp".
 */
import type { FieldContentType, ObjectTypeField, ObjectTypeKey, PutProfileObjectTypeRequest, StandardIdentifier } from '@aws-sdk/client-customer-profiles';
import { KINDS, PROFILE_KEY_FIELD, type TravelKind } from '../fields.ts';

const NUMBER_FIELDS = new Set([
  'NumberOfPassengers', 'NumberOfAdults', 'NumberOfChildren', 'NumberOfSegments', 'PassengerIndex', 'SegmentIndex',
  'NumberOfLegs', 'Duration', 'Distance', 'MilesToEarn', 'BaggageQuantity', 'Seat.Price', 'CancellationCharge',
  'AmountPerNight', 'NumberOfNights', 'NumberOfGuests', 'Guests.Adults', 'Guests.Children', 'TotalAmountBeforeTax',
  'TotalAmountAfterTax', 'StayTotalAmount', 'LineNumber', 'Amount', 'OriginValue', 'PointsEarned',
  'QualifyingPointsEarned', 'PointsBalanceAfter', 'Price.BaseFare', 'Price.Taxes', 'Price.TotalPrice',
  'Price.TravellerPrice', 'Tier.Level', 'Tier.PointsToNextTier', 'Points.Balance', 'Points.Lifetime',
  'Points.LifetimeRedeemed', 'Points.QualifyingPoints',
]);
const EMAIL_FIELDS = new Set(['Email', 'EmailAddress']);
const PHONE_FIELDS = new Set(['PhoneNumber']);
const NAME_FIELDS = new Set(['BookingName']);

/** Documented key names (travel-hospitality-objects.md); the rest follow the same pattern. */
const ID_KEY_NAME: Record<TravelKind, string> = {
  airBooking: '_airBookingId',
  airSegment: '_airSegmentId',
  airPreference: '_airPreferenceId',
  hotelReservation: '_hotelReservationId',
  hotelStayRevenue: '_hotelStayRevenueId',
  hotelPreference: '_hotelPreferenceId',
  loyalty: '_loyaltyId',
  loyaltyTransaction: '_loyaltyTransactionId',
  loyaltyPromotion: '_loyaltyPromotionId',
};

/** The PROFILE key of every T&H object type. */
export const PROFILE_KEY_NAME = '_account';

function contentType(path: string): FieldContentType {
  if (NUMBER_FIELDS.has(path)) return 'NUMBER';
  if (EMAIL_FIELDS.has(path)) return 'EMAIL_ADDRESS';
  if (PHONE_FIELDS.has(path)) return 'PHONE_NUMBER';
  if (NAME_FIELDS.has(path)) return 'NAME';
  return 'STRING';
}

/** The Fields-map paths of a kind: top-level scalars, plus `<Nested>.<sub>` for the nested documented fields. */
export function fieldPaths({ kind }: { kind: TravelKind }): string[] {
  const spec = KINDS[kind];
  const paths: string[] = [];
  for (const field of [...spec.documented, ...spec.ours]) {
    const subs = spec.nestedOurs?.[field];
    if (subs) for (const sub of subs) paths.push(`${field}.${sub}`);
    else paths.push(field);
  }
  return paths;
}

/** The SimpleDateFormat-style pattern every mapping of AWS's travel and hospitality sample gives. */
export const AWS_SAMPLE_TIMESTAMP_PATTERN = "yyyy-MM-dd'T'HH:mm:ss'Z'";

/** A PutProfileObjectType input for one T&H kind under `objectTypeName` in `domainName`. */
export function objectTypeDefinition({
  kind,
  domainName,
  objectTypeName,
  allowProfileCreation = true,
  expirationDays,
  withSourceLastUpdatedTimestampFormat = false,
}: {
  kind: TravelKind;
  domainName: string;
  objectTypeName: string;
  allowProfileCreation?: boolean;
  expirationDays?: number;
  withSourceLastUpdatedTimestampFormat?: boolean;
}): PutProfileObjectTypeRequest {
  const spec = KINDS[kind];
  const Fields: Record<string, ObjectTypeField> = {};
  for (const path of fieldPaths({ kind })) {
    Fields[path] = {
      Source: `_source.${path}`,
      Target: path === PROFILE_KEY_FIELD ? `_profile.${PROFILE_KEY_FIELD}` : `${objectTypeName}.${path}`,
      ContentType: contentType(path),
    };
  }
  const Keys: Record<string, ObjectTypeKey[]> = {
    [ID_KEY_NAME[kind]]: [{ StandardIdentifiers: [spec.standardIdentifier as StandardIdentifier, 'UNIQUE'], FieldNames: [spec.idField] }],
    [PROFILE_KEY_NAME]: [{ StandardIdentifiers: ['PROFILE'], FieldNames: [PROFILE_KEY_FIELD] }],
  };
  const input: PutProfileObjectTypeRequest = {
    DomainName: domainName,
    ObjectTypeName: objectTypeName,
    Description: `Synthetic ${kind} objects (T&H standard identifier ${spec.standardIdentifier}) made by the cpct generators`,
    AllowProfileCreation: allowProfileCreation,
    Fields,
    Keys,
  };
  if (withSourceLastUpdatedTimestampFormat) input.SourceLastUpdatedTimestampFormat = AWS_SAMPLE_TIMESTAMP_PATTERN;
  if (expirationDays !== undefined) input.ExpirationDays = expirationDays;
  return input;
}

/** PutProfileObjectType inputs for several kinds, named by `objectTypeNames`. */
export function objectTypeDefinitions({
  kinds,
  domainName,
  objectTypeNames,
}: {
  kinds: readonly TravelKind[];
  domainName: string;
  objectTypeNames: Readonly<Record<TravelKind, string>>;
}): PutProfileObjectTypeRequest[] {
  return kinds.map((kind) => objectTypeDefinition({ kind, domainName, objectTypeName: objectTypeNames[kind] }));
}
