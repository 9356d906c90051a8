import { BadRequestException } from './errors.ts';
import { checkString, isPlainObject } from './input.ts';
import { requireDomain, type Handler } from './context.ts';
import { fieldsOutput, keysOutput } from './mapping.ts';
import { parseObject } from './profiles.ts';
import { RULES, type FieldContentType, type FieldDef, type KeyDef, type StandardIdentifier } from './state.ts';
import { parseWithPattern } from './simple-date-format.ts';

/**
 * DetectProfileObjectType: proposes one mapping for 1 to 5 sample objects. The heuristics are the mock's own (the
 * model only says the service detects "profile object type mapping by using given objects"):
 * - fields: every scalar leaf (nested objects flattened with dots, arrays skipped) whose path fits the FieldMap
 *   key pattern; ContentType from the values and the field name;
 * - targets: the first e-mail, phone, first-name and last-name fields go to the standard profile, the rest to
 *   `<objectName>.<path>`, where objectName is the T&H object name when one is recognised, else `object`;
 * - keys: a T&H identifier + UNIQUE on the object's id when the fields look like a T&H standard object, PROFILE
 *   keys on the e-mail and phone fields; otherwise UNIQUE on the first top-level field named like an id;
 * - SourceLastUpdatedTimestampFormat when a date field's values all share a recognised format.
 */
export const detectProfileObjectType: Handler = ({ ctx, input }) => {
  requireDomain({ ctx, input });
  const raw = input.raw({ member: 'Objects' });
  if (!Array.isArray(raw)) throw new BadRequestException(raw === undefined || raw === null ? 'Objects is required' : 'Objects must be a list');
  if (raw.length < 1 || raw.length > 5) throw new BadRequestException(`Objects must hold 1 to 5 items; saw ${raw.length}`);
  const objects = Array.from(raw, (value: unknown, i) => {
    const json = checkString({ member: `Objects[${i}]`, value, ...RULES.stringifiedJson });
    return parseObject({ json, member: `Objects[${i}]` });
  });
  const detected = detect({ objects });
  return { DetectedProfileObjectTypes: detected ? [detected] : [] };
};

/** One leaf field seen in the samples: its dotted path and every value it had. */
interface Leaf {
  path: string;
  values: Array<string | number | boolean>;
}

interface ThRule {
  identifier: StandardIdentifier;
  objectName: string;
  idKey: string;
  idField: string;
  /** False when the recognised field identifies a related entity (a hotel, a program, a booking), not the object. */
  unique: boolean;
  matches: (has: (field: string) => boolean) => boolean;
}

const AIR_BOOKING_HINTS = ['BookingName', 'PassengerIndex', 'TravellerId', 'NumberOfPassengers', 'GroupBooking', 'ReservationStatus'];
const AIR_PREFERENCE_HINTS = ['HomeAirport', 'DepartureAirport', 'ArrivalAirport', 'TravelType', 'CheckInChannel', 'Seat', 'ArrivalTerminal', 'DepartureTerminal'];
const HOTEL_PREFERENCE_HINTS = ['Smoking', 'CleaningTime', 'CheckInType', 'CheckOutType', 'Bedding', 'Location'];

/** T&H recognisers in precedence order: the first that matches wins. */
const TH_RULES: ThRule[] = [
  { identifier: 'LOYALTY_TRANSACTION', objectName: 'loyaltyTransaction', idKey: '_loyaltyTransactionId', idField: 'TransactionId', unique: true,
    matches: (has) => has('TransactionId') && has('PointsEarned') },
  { identifier: 'LOYALTY_PROMOTION', objectName: 'loyaltyPromotion', idKey: '_loyaltyPromotionId', idField: 'PromotionId', unique: true,
    matches: (has) => has('PromotionId') },
  { identifier: 'AIR_SEGMENT', objectName: 'airSegment', idKey: '_airSegmentId', idField: 'SegmentId', unique: true,
    matches: (has) => has('SegmentId') },
  { identifier: 'AIR_BOOKING', objectName: 'airBooking', idKey: '_airBookingId', idField: 'BookingId', unique: true,
    matches: (has) => has('BookingId') && AIR_BOOKING_HINTS.some(has) },
  { identifier: 'HOTEL_RESERVATION', objectName: 'hotelReservation', idKey: '_hotelReservationId', idField: 'ReservationId', unique: true,
    matches: (has) => has('ReservationId') },
  { identifier: 'HOTEL_RESERVATION', objectName: 'hotelReservation', idKey: '_hotelCode', idField: 'HotelCode', unique: false,
    matches: (has) => has('HotelCode') },
  { identifier: 'AIR_PREFERENCE', objectName: 'airPreference', idKey: '_airPreferenceId', idField: 'PreferenceId', unique: true,
    matches: (has) => has('PreferenceId') && AIR_PREFERENCE_HINTS.some(has) },
  { identifier: 'HOTEL_PREFERENCE', objectName: 'hotelPreference', idKey: '_hotelPreferenceId', idField: 'PreferenceId', unique: true,
    matches: (has) => has('PreferenceId') && HOTEL_PREFERENCE_HINTS.some(has) },
  { identifier: 'LOYALTY', objectName: 'loyalty', idKey: '_loyaltyId', idField: 'LoyaltyId', unique: true,
    matches: (has) => has('LoyaltyId') },
  { identifier: 'LOYALTY', objectName: 'loyalty', idKey: '_loyaltyProgramId', idField: 'ProgramId', unique: false,
    matches: (has) => has('ProgramId') },
  { identifier: 'AIR_SEGMENT', objectName: 'airSegment', idKey: '_airBookingRef', idField: 'BookingRef', unique: false,
    matches: (has) => has('BookingRef') },
];

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9][0-9\s\-().]{5,22}$/;
const NUMERIC = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/;
const NAME_FIELD = /(first|last|middle|full|given|family|sur)_?name$/i;
const PHONE_FIELD = /phone|mobile|cell|fax|tel/i;
/** Field names that suggest a timestamp: ...Date, ...Time, ...Timestamp, ...At, ..._at, updated, created. */
function isDateName(name: string): boolean {
  return /(date|time|timestamp)$/i.test(name) || /(At|_at)$/.test(name) || /^(updated|created)$/i.test(name);
}

/** Timestamp formats the detector recognises, as SimpleDateFormat patterns. */
const TIMESTAMP_FORMATS: Array<[RegExp, string]> = [
  [/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/, "yyyy-MM-dd'T'HH:mm:ss'Z'"],
  [/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/, "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'"],
  [/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/, "yyyy-MM-dd'T'HH:mm:ssXXX"],
  [/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{2}:\d{2}$/, "yyyy-MM-dd'T'HH:mm:ss.SSSXXX"],
  [/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/, 'yyyy-MM-dd HH:mm:ss'],
  [/^\d{4}-\d{2}-\d{2}$/, 'yyyy-MM-dd'],
];

/** The mapping for the samples, or undefined when they hold no usable field. */
export function detect({ objects }: { objects: Record<string, unknown>[] }): Record<string, unknown> | undefined {
  const leaves = collectLeaves({ objects });
  if (leaves.length === 0) return undefined;
  const topLevel = new Set(leaves.filter((l) => !l.path.includes('.')).map((l) => l.path));
  const has = (field: string) => topLevel.has(field);
  const rule = TH_RULES.find((r) => r.matches(has));
  const objectName = rule?.objectName ?? 'object';

  const types = new Map(leaves.map((leaf) => [leaf.path, contentTypeOf(leaf)]));
  const fields = new Map<string, FieldDef>();
  const profileTargets = new Set<string>();
  const claim = (target: string) => (profileTargets.has(target) ? undefined : (profileTargets.add(target), target));
  for (const leaf of leaves) {
    const contentType = types.get(leaf.path) as FieldContentType;
    let target: string | undefined;
    if (contentType === 'EMAIL_ADDRESS') target = claim('_profile.EmailAddress');
    else if (contentType === 'PHONE_NUMBER') target = claim('_profile.PhoneNumber');
    else if (contentType === 'NAME' && /first|given/i.test(leaf.path)) target = claim('_profile.FirstName');
    else if (contentType === 'NAME' && /last|family|sur/i.test(leaf.path)) target = claim('_profile.LastName');
    fields.set(leaf.path, { Source: `_source.${leaf.path}`, Target: target ?? `${objectName}.${leaf.path}`, ContentType: contentType });
  }

  const keys = new Map<string, KeyDef[]>();
  const keyable = (path: string) => topLevel.has(path) && RULES.name.pattern.test(path);
  if (rule) {
    keys.set(rule.idKey, [{ StandardIdentifiers: rule.unique ? [rule.identifier, 'UNIQUE'] : [rule.identifier], FieldNames: [rule.idField] }]);
  } else {
    const idField = [...topLevel].find((p) => /(^id$|Id$|ID$|_id$)/.test(p) && keyable(p) && types.get(p) !== 'EMAIL_ADDRESS');
    if (idField) keys.set(idField, [{ StandardIdentifiers: ['UNIQUE'], FieldNames: [idField] }]);
  }
  const emailField = leaves.find((l) => types.get(l.path) === 'EMAIL_ADDRESS' && keyable(l.path));
  if (emailField && !keys.has('_email')) keys.set('_email', [{ StandardIdentifiers: ['PROFILE'], FieldNames: [emailField.path] }]);
  const phoneField = leaves.find((l) => types.get(l.path) === 'PHONE_NUMBER' && keyable(l.path));
  if (phoneField && !keys.has('_phone')) keys.set('_phone', [{ StandardIdentifiers: ['PROFILE'], FieldNames: [phoneField.path] }]);

  return {
    SourceLastUpdatedTimestampFormat: timestampFormatOf({ leaves }),
    Fields: fieldsOutput(fields),
    Keys: keysOutput(keys),
  };
}

/** Scalar leaves of the samples, in first-seen order, with the values seen across all samples. */
function collectLeaves({ objects }: { objects: Record<string, unknown>[] }): Leaf[] {
  const leaves = new Map<string, Leaf>();
  const visit = (value: unknown, segments: string[]): void => {
    if (isPlainObject(value)) {
      if (segments.length >= 4) return;
      // An empty key, or one holding a dot, could not be told apart from nesting in a Source path: skipped.
      for (const [key, child] of Object.entries(value)) if (key.length > 0 && !key.includes('.')) visit(child, [...segments, key]);
      return;
    }
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return;
    const path = segments.join('.');
    if (!RULES.fieldName.pattern.test(path) || path.length > RULES.fieldName.max) return;
    const leaf = leaves.get(path) ?? { path, values: [] };
    leaf.values.push(value);
    leaves.set(path, leaf);
  };
  for (const object of objects) visit(object, []);
  return [...leaves.values()];
}

/** The ContentType the values and the field name suggest. */
export function contentTypeOf(leaf: Leaf): FieldContentType {
  const strings = leaf.values.map(String);
  const name = leaf.path.split('.').pop() ?? leaf.path;
  if (leaf.values.every((v) => typeof v === 'string') && strings.every((s) => EMAIL.test(s))) return 'EMAIL_ADDRESS';
  if (PHONE_FIELD.test(name) && strings.every((s) => PHONE.test(s))) return 'PHONE_NUMBER';
  if (NAME_FIELD.test(name) && strings.every((s) => /^[\p{L}][\p{L}'\- .]*$/u.test(s))) return 'NAME';
  if (leaf.values.every((v) => typeof v === 'number')) return 'NUMBER';
  return 'STRING';
}

/** The shared format of the first date-named field whose values all match one known format. */
function timestampFormatOf({ leaves }: { leaves: Leaf[] }): string | undefined {
  const candidates = leaves.filter((l) => isDateName(l.path.split('.').pop() ?? ''));
  // Prefer a field that names the last update, as SourceLastUpdatedTimestamp does.
  candidates.sort((a, b) => Number(/updated/i.test(b.path)) - Number(/updated/i.test(a.path)));
  for (const leaf of candidates) {
    if (!leaf.values.every((v) => typeof v === 'string')) continue;
    // The shape must match and every value must parse by the pattern (no month 13), as ingestion will read it. The
    // offered patterns have four-digit years, so the reference time (which only places two-digit years) is moot.
    const format = TIMESTAMP_FORMATS.find(([re, pattern]) => leaf.values.every((v) => re.test(v as string) && parseWithPattern({ value: v as string, pattern, referenceMs: 0 }) !== undefined));
    if (format) return format[1];
  }
  return undefined;
}
