import type { FieldDef, KeyDef, Mapping, StandardIdentifier } from './state.ts';

/**
 * The mock's template catalogue: the templates AWS documents by id, and the mock's own (prefixed `Mock-`).
 *
 * Documented ids (register file specs/evidence/object-types-docs.json): `Salesforce-Account` and `Salesforce-Contact`
 * (the model's GetProfileObjectTypeTemplate documentation; the API Reference's examples print a Salesforce-Account
 * template), and the contact-record templates `CTR`, `CTR-NoInferred` and `CTR-AutoAssociateOnly` (admin guide,
 * "Contact record templates"). AWS publishes how each CTR template finds and creates profiles, not its field list, so
 * their Fields, SourceName and SourceObject are the mock's guesses; each template below says what is documented.
 *
 * The mock's own T&H templates map the documented scalar fields of each standard object (the admin guide's field
 * pages, https://docs.aws.amazon.com/connect/latest/adminguide/standard-objects.html); hotel stay revenue has no
 * template because its field list was not found. Their ids, SourceName and SourceObject are the mock's choice.
 */
export interface Template extends Mapping {
  templateId: string;
  sourceName: string;
  sourceObject: string;
  /** `aws`: the id is documented by AWS (the contents may still be partly the mock's guess); `mock`: the mock's own. */
  origin: 'aws' | 'mock';
}

/** Timestamp format of the T&H templates' date fields (SimpleDateFormat, as the model's docs say). */
export const TH_TIMESTAMP_FORMAT = "yyyy-MM-dd'T'HH:mm:ss'Z'";

interface ThSpec {
  templateId: string;
  sourceObject: string;
  /** Prefix of the targets of the object's own fields. */
  objectName: string;
  identifier: StandardIdentifier;
  idField: string;
  idKey: string;
  fields: string[];
  email?: string;
  phone?: string;
  /** Extra linking keys: key name -> [identifiers, field]. */
  links?: Array<[string, StandardIdentifier[], string]>;
}

const TH_SPECS: ThSpec[] = [
  {
    templateId: 'Mock-TH-AirBooking', sourceObject: 'AirBooking', objectName: 'airBooking', identifier: 'AIR_BOOKING',
    idField: 'BookingId', idKey: '_airBookingId', email: 'Email', phone: 'PhoneNumber',
    fields: ['BookingId', 'ContextId', 'PreferenceRef', 'BookingName', 'PassengerIndex', 'TravellerId', 'GroupBooking',
      'NumberOfPassengers', 'NumberOfAdults', 'NumberOfChildren', 'ProcessedDate', 'CreatedDate', 'CreatedBy',
      'UpdatedDate', 'UpdatedBy', 'Status', 'PriorityStatus', 'ReservationStatus', 'MarketingCode', 'MarketingName',
      'TravelAgent', 'TravelAgency', 'TravelCorpNumber', 'Booker', 'AdditionalInformation', 'CancelledDate',
      'Diplomat', 'Child', 'PetOnly', 'CancellationCharge'],
  },
  {
    templateId: 'Mock-TH-AirSegment', sourceObject: 'AirSegment', objectName: 'airSegment', identifier: 'AIR_SEGMENT',
    idField: 'SegmentId', idKey: '_airSegmentId',
    fields: ['SegmentId', 'BookingRef', 'SegmentName', 'PassengerIndex', 'SegmentIndex', 'SeatSelection',
      'NumberOfPassengers', 'NumberOfLegs', 'Tier', 'Origin', 'OriginCountryCode', 'Dest', 'DestCountryCode',
      'ProcessedDate', 'CreatedDate', 'CreatedBy', 'UpdatedDate', 'UpdatedBy', 'Status', 'FlightNumber', 'Carrier',
      'CarrierType', 'IsInternational', 'IsEticket', 'IsArmed', 'LapInfant'],
    // A segment joins the profile that holds its booking.
    links: [['_airBookingId', ['AIR_BOOKING'], 'BookingRef']],
  },
  {
    templateId: 'Mock-TH-AirPreference', sourceObject: 'AirPreference', objectName: 'airPreference', identifier: 'AIR_PREFERENCE',
    idField: 'PreferenceId', idKey: '_airPreferenceId',
    fields: ['PreferenceId', 'Name', 'CreatedDate', 'CreatedBy', 'UpdatedDate', 'UpdatedBy', 'StartDate', 'EndDate',
      'Status', 'ReferenceId', 'ReferenceType', 'TravelType', 'Transfer', 'ArrivalAirport', 'ArrivalTerminal',
      'DepartureAirport', 'DepartureTerminal', 'HomeAirport', 'CheckInChannel', 'CheckInChannelDevice'],
    links: [['_airReferenceId', ['PROFILE'], 'ReferenceId']],
  },
  {
    templateId: 'Mock-TH-HotelReservation', sourceObject: 'HotelReservation', objectName: 'hotelReservation',
    identifier: 'HOTEL_RESERVATION', idField: 'ReservationId', idKey: '_hotelReservationId',
    email: 'EmailAddress', phone: 'PhoneNumber',
    fields: ['ReservationId', 'ConfirmationNumber', 'PreferenceRef', 'Status', 'TripType', 'BrandCode', 'HotelCode',
      'GroupId', 'ContextId', 'ProcessedDate', 'CreatedDate', 'CreatedBy', 'UpdatedDate', 'UpdatedBy', 'AgentId',
      'Reserver', 'SameDayRate', 'Refundable', 'CancellationCharge', 'TransactionId', 'AmountPerNight',
      'AdditionalNote', 'NumberOfNights', 'NumberOfGuests'],
  },
  {
    templateId: 'Mock-TH-HotelPreference', sourceObject: 'HotelPreference', objectName: 'hotelPreference',
    identifier: 'HOTEL_PREFERENCE', idField: 'PreferenceId', idKey: '_hotelPreferenceId',
    fields: ['PreferenceId', 'Name', 'CreatedDate', 'CreatedBy', 'UpdatedDate', 'UpdatedBy', 'StartDate', 'EndDate',
      'Status', 'Smoking', 'CleaningTime', 'CheckInType', 'CheckOutType', 'ReferenceId', 'ReferenceType'],
    // `_hotelReferenceId` -> ReferenceId is the documented index key.
    links: [['_hotelReferenceId', ['PROFILE'], 'ReferenceId']],
  },
  {
    templateId: 'Mock-TH-Loyalty', sourceObject: 'Loyalty', objectName: 'loyalty', identifier: 'LOYALTY',
    idField: 'LoyaltyId', idKey: '_loyaltyId', email: 'EmailAddress', phone: 'PhoneNumber',
    fields: ['LoyaltyId', 'ProgramId', 'MembershipId', 'ProgramName', 'Group', 'Channel', 'CreatedDate',
      'EnrollmentDate', 'CreatedBy', 'UpdatedDate', 'LastUpdatedBy', 'UpgradeDate', 'RenewalDate',
      'AdditionalInformation', 'EmailAddressVerified', 'PhoneNumberVerified', 'Status'],
    links: [['_loyaltyMembershipId', ['LOYALTY'], 'MembershipId']],
  },
  {
    templateId: 'Mock-TH-LoyaltyTransaction', sourceObject: 'LoyaltyTransaction', objectName: 'loyaltyTransaction',
    identifier: 'LOYALTY_TRANSACTION', idField: 'TransactionId', idKey: '_loyaltyTransactionId',
    fields: ['TransactionId', 'TransactionName', 'TransactionType', 'ProgramRef', 'MembershipRef', 'PromotionRef',
      'CreatedDate', 'TransactionDate', 'Industry', 'Location', 'CreatedBy', 'UpdatedDate', 'UpdatedBy', 'Status',
      'AccrualType', 'Category', 'Channel', 'ProductId', 'Amount', 'OriginValue', 'OriginValueCurrency',
      'OriginValueOffset', 'PointsEarned', 'PointOffset', 'QualifyingPointsEarned'],
    // A transaction joins the profile that holds the membership.
    links: [['_loyaltyMembershipId', ['LOYALTY'], 'MembershipRef']],
  },
  {
    templateId: 'Mock-TH-LoyaltyPromotion', sourceObject: 'LoyaltyPromotion', objectName: 'loyaltyPromotion',
    identifier: 'LOYALTY_PROMOTION', idField: 'PromotionId', idKey: '_loyaltyPromotionId',
    fields: ['PromotionId', 'PromotionName', 'PromotionType', 'ProgramType', 'ProgramRef', 'PartnerId',
      'PartnerNumber', 'Tier', 'StartDate', 'EnrolledDate', 'EndDate', 'Amount', 'Period', 'Status', 'CreatedDate',
      'CreatedBy', 'UpdatedDate', 'UpdatedBy', 'CampaignRef', 'AdditionalInformation'],
  },
];

function thTemplate(spec: ThSpec): Template {
  const fields = new Map<string, FieldDef>();
  for (const name of spec.fields) fields.set(name, { Source: `_source.${name}`, Target: `${spec.objectName}.${name}`, ContentType: 'STRING' });
  const keys = new Map<string, KeyDef[]>();
  keys.set(spec.idKey, [{ StandardIdentifiers: [spec.identifier, 'UNIQUE'], FieldNames: [spec.idField] }]);
  for (const [name, identifiers, field] of spec.links ?? []) keys.set(name, [{ StandardIdentifiers: identifiers, FieldNames: [field] }]);
  if (spec.email) {
    fields.set(spec.email, { Source: `_source.${spec.email}`, Target: '_profile.EmailAddress', ContentType: 'EMAIL_ADDRESS' });
    keys.set('_email', [{ StandardIdentifiers: ['PROFILE'], FieldNames: [spec.email] }]);
  }
  if (spec.phone) {
    fields.set(spec.phone, { Source: `_source.${spec.phone}`, Target: '_profile.PhoneNumber', ContentType: 'PHONE_NUMBER' });
    keys.set('_phone', [{ StandardIdentifiers: ['PROFILE', 'SECONDARY'], FieldNames: [spec.phone] }]);
  }
  return {
    templateId: spec.templateId,
    origin: 'mock',
    sourceName: 'MockTravelHospitality',
    sourceObject: spec.sourceObject,
    allowProfileCreation: true,
    sourceLastUpdatedTimestampFormat: TH_TIMESTAMP_FORMAT,
    fields,
    keys,
  };
}

function genericContact(): Template {
  const fields = new Map<string, FieldDef>([
    ['ContactId', { Source: '_source.ContactId', Target: 'contact.ContactId', ContentType: 'STRING' }],
    ['FirstName', { Source: '_source.FirstName', Target: '_profile.FirstName', ContentType: 'NAME' }],
    ['LastName', { Source: '_source.LastName', Target: '_profile.LastName', ContentType: 'NAME' }],
    ['Email', { Source: '_source.Email', Target: '_profile.EmailAddress', ContentType: 'EMAIL_ADDRESS' }],
    ['Phone', { Source: '_source.Phone', Target: '_profile.PhoneNumber', ContentType: 'PHONE_NUMBER' }],
    ['City', { Source: '_source.City', Target: '_profile.Address.City', ContentType: 'STRING' }],
    ['UpdatedAt', { Source: '_source.UpdatedAt', Target: 'contact.UpdatedAt', ContentType: 'STRING' }],
  ]);
  const keys = new Map<string, KeyDef[]>([
    ['_mockContactId', [{ StandardIdentifiers: ['PROFILE', 'UNIQUE'], FieldNames: ['ContactId'] }]],
    ['_email', [{ StandardIdentifiers: ['PROFILE'], FieldNames: ['Email'] }]],
    ['_phone', [{ StandardIdentifiers: ['PROFILE', 'SECONDARY'], FieldNames: ['Phone'] }]],
  ]);
  return {
    templateId: 'Mock-Generic-Contact', origin: 'mock', sourceName: 'MockGeneric', sourceObject: 'Contact',
    allowProfileCreation: true, sourceLastUpdatedTimestampFormat: TH_TIMESTAMP_FORMAT, fields, keys,
  };
}

function genericOrder(): Template {
  const fields = new Map<string, FieldDef>([
    ['OrderId', { Source: '_source.OrderId', Target: 'order.OrderId', ContentType: 'STRING' }],
    ['CustomerEmail', { Source: '_source.CustomerEmail', Target: 'order.CustomerEmail', ContentType: 'EMAIL_ADDRESS' }],
    ['Total', { Source: '_source.Total', Target: 'order.Total', ContentType: 'NUMBER' }],
    ['CreatedAt', { Source: '_source.CreatedAt', Target: 'order.CreatedAt', ContentType: 'STRING' }],
  ]);
  const keys = new Map<string, KeyDef[]>([
    ['_orderId', [{ StandardIdentifiers: ['ORDER', 'UNIQUE'], FieldNames: ['OrderId'] }]],
    // Orders only attach to customers that already exist: the e-mail finds the profile but is not stored on it.
    ['_email', [{ StandardIdentifiers: ['PROFILE', 'LOOKUP_ONLY'], FieldNames: ['CustomerEmail'] }]],
  ]);
  return {
    templateId: 'Mock-Generic-Order', origin: 'mock', sourceName: 'MockGeneric', sourceObject: 'Order',
    allowProfileCreation: false, fields, keys,
  };
}

/** How a contact-record template finds and creates profiles (admin guide, "Contact record templates"). */
interface CtrRule {
  templateId: 'CTR' | 'CTR-NoInferred' | 'CTR-AutoAssociateOnly';
  /** Documented: CTR-NoInferred and CTR-AutoAssociateOnly fall back to the `_phone` key; CTR uses `_ctrContactId` only. */
  phoneFallback: boolean;
  /** Documented: CTR and CTR-NoInferred create an inferred profile when no key finds one; CTR-AutoAssociateOnly never does. */
  createsProfiles: boolean;
}

const CTR_RULES: CtrRule[] = [
  { templateId: 'CTR', phoneFallback: false, createsProfiles: true },
  { templateId: 'CTR-NoInferred', phoneFallback: true, createsProfiles: true },
  { templateId: 'CTR-AutoAssociateOnly', phoneFallback: true, createsProfiles: false },
];

/**
 * A contact-record template. Documented: the key names `_ctrContactId` (searched first, by every template) and
 * `_phone` (the fallback of two of them), and whether a profile is created. The mock's guesses (ASSUMPTIONS.md):
 * SourceName `Amazon-Connect`, SourceObject `CTR`, the fields (a contact record's ContactId and its customer's
 * phone number, `CustomerEndpoint.Address` in Amazon Connect's contact record), `_ctrContactId` as PROFILE+UNIQUE
 * and `_phone` as PROFILE+SECONDARY (searched only when `_ctrContactId` finds nothing, as the page describes).
 */
function contactRecordTemplate(rule: CtrRule): Template {
  const fields = new Map<string, FieldDef>([
    ['ContactId', { Source: '_source.ContactId', Target: '_ctr.ContactId', ContentType: 'STRING' }],
    ['CustomerPhoneNumber', { Source: '_source.CustomerEndpoint.Address', Target: '_profile.PhoneNumber', ContentType: 'PHONE_NUMBER' }],
  ]);
  const keys = new Map<string, KeyDef[]>([['_ctrContactId', [{ StandardIdentifiers: ['PROFILE', 'UNIQUE'], FieldNames: ['ContactId'] }]]]);
  if (rule.phoneFallback) keys.set('_phone', [{ StandardIdentifiers: ['PROFILE', 'SECONDARY'], FieldNames: ['CustomerPhoneNumber'] }]);
  return {
    templateId: rule.templateId, origin: 'aws', sourceName: 'Amazon-Connect', sourceObject: 'CTR',
    allowProfileCreation: rule.createsProfiles, fields, keys,
  };
}

/**
 * `Salesforce-Account` as the API Reference's GetProfileObjectTypeTemplate example prints it: an `email` field
 * (EMAIL_ADDRESS, `_source.email` -> `_profile.BusinessEmailAddress`) and a `phone` field (PHONE_NUMBER,
 * `_source.phone` -> the business phone number), the key `_email` PROFILE+UNIQUE on email, AllowProfileCreation
 * false, SourceObject `Account`, and (ListProfileObjectTypeTemplates example) SourceName `Salesforce-account`. The
 * example writes the target `_profile.Businessphonenumber`, which is no member of the profile; the mock uses
 * `_profile.BusinessPhoneNumber`.
 */
function salesforceAccount(): Template {
  return {
    templateId: 'Salesforce-Account', origin: 'aws', sourceName: 'Salesforce-account', sourceObject: 'Account',
    allowProfileCreation: false,
    fields: new Map<string, FieldDef>([
      ['email', { Source: '_source.email', Target: '_profile.BusinessEmailAddress', ContentType: 'EMAIL_ADDRESS' }],
      ['phone', { Source: '_source.phone', Target: '_profile.BusinessPhoneNumber', ContentType: 'PHONE_NUMBER' }],
    ]),
    keys: new Map<string, KeyDef[]>([['_email', [{ StandardIdentifiers: ['PROFILE', 'UNIQUE'], FieldNames: ['email'] }]]]),
  };
}

/**
 * `Salesforce-Contact`: only the id is documented (the model). Everything else is the mock's guess, shaped like the
 * documented Salesforce-Account example with a person's members instead of a business's.
 */
function salesforceContact(): Template {
  return {
    templateId: 'Salesforce-Contact', origin: 'aws', sourceName: 'Salesforce-contact', sourceObject: 'Contact',
    allowProfileCreation: false,
    fields: new Map<string, FieldDef>([
      ['email', { Source: '_source.email', Target: '_profile.EmailAddress', ContentType: 'EMAIL_ADDRESS' }],
      ['phone', { Source: '_source.phone', Target: '_profile.PhoneNumber', ContentType: 'PHONE_NUMBER' }],
      ['firstName', { Source: '_source.firstName', Target: '_profile.FirstName', ContentType: 'NAME' }],
      ['lastName', { Source: '_source.lastName', Target: '_profile.LastName', ContentType: 'NAME' }],
    ]),
    keys: new Map<string, KeyDef[]>([['_email', [{ StandardIdentifiers: ['PROFILE', 'UNIQUE'], FieldNames: ['email'] }]]]),
  };
}

/** The TemplateIds AWS documents, each carried by the catalogue (contracts OBJTYPE-TEMPLATE-04..06 use them). */
export const DOCUMENTED_TEMPLATE_IDS = ['CTR', 'CTR-AutoAssociateOnly', 'CTR-NoInferred', 'Salesforce-Account', 'Salesforce-Contact'] as const;

/** The built-in templates (documented and the mock's own), ordered by TemplateId (the order ListProfileObjectTypeTemplates returns). */
export function builtInTemplates(): Template[] {
  return [
    ...CTR_RULES.map(contactRecordTemplate), salesforceAccount(), salesforceContact(),
    ...TH_SPECS.map(thTemplate), genericContact(), genericOrder(),
  ].sort((a, b) => (a.templateId < b.templateId ? -1 : a.templateId > b.templateId ? 1 : 0));
}
