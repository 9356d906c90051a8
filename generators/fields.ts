/**
 * The nine T&H object kinds: their logical object type names, standard identifiers, and which top-level fields come
 * from the documentation (the admin guide's field pages of the standard objects, https://docs.aws.amazon.com/connect/latest/adminguide/standard-objects.html)
 * and which are the project's own.
 * The generators, the object type builders, the README and the tests all read this one table.
 */

/** The nine T&H kinds; the names are the camelCase headings of the documentation (its object type names were not found). */
export type TravelKind =
  | 'airBooking'
  | 'airSegment'
  | 'airPreference'
  | 'hotelReservation'
  | 'hotelStayRevenue'
  | 'hotelPreference'
  | 'loyalty'
  | 'loyaltyTransaction'
  | 'loyaltyPromotion';

/** Groups selectable with the CLI's --types flag. */
export type TravelFamily = 'air' | 'hotel' | 'loyalty';

/** The NDJSON objectTypeName of profile lines: the object is a CreateProfile input (without DomainName). */
export const PROFILE_RECORD_TYPE = '_profile';

export interface KindSpec {
  kind: TravelKind;
  family: TravelFamily;
  /** StandardIdentifier enum value (model) that marks this kind's own id key. */
  standardIdentifier: string;
  /** The field holding the object's own id (UNIQUE key). */
  idField: string;
  /** Top-level fields named in the documentation. */
  documented: readonly string[];
  /** Top-level fields the project added (plain names), because the documented list is cut off or missing. */
  ours: readonly string[];
  /** Nested documented fields whose sub-fields are the project's own (the docs' sub-tables were not visible). */
  nestedOurs?: Readonly<Record<string, readonly string[]>>;
  /** Fields holding timestamps (written in the run's EPOCHMILLI / ISO_8601 format). */
  timestampFields: readonly string[];
  /** Fields that tie this object to another object: field -> kind it points at. */
  references: Readonly<Record<string, TravelKind | 'profile'>>;
}

/** Every generated object carries the owning profile's AccountNumber; the object types use it as the PROFILE key. */
export const PROFILE_KEY_FIELD = 'AccountNumber';

export const KINDS: Readonly<Record<TravelKind, KindSpec>> = {
  airBooking: {
    kind: 'airBooking',
    family: 'air',
    standardIdentifier: 'AIR_BOOKING',
    idField: 'BookingId',
    documented: [
      'BookingId', 'BookingName', 'PassengerIndex', 'TravellerId', 'GroupBooking', 'NumberOfPassengers',
      'NumberOfAdults', 'NumberOfChildren', 'ProcessedDate', 'CreatedDate', 'CreatedBy', 'UpdatedDate', 'UpdatedBy',
      'Status', 'ReservationStatus', 'MarketingCode', 'Booker', 'Email', 'PhoneNumber', 'CancelledDate',
      'CancellationCharge', 'Price', 'PaymentStatus',
    ],
    ours: ['AccountNumber', 'CurrencyCode', 'FirstDepartureDate', 'LastArrivalDate', 'NumberOfSegments'],
    nestedOurs: { Price: ['BaseFare', 'Taxes', 'TotalPrice', 'Currency'] },
    timestampFields: ['ProcessedDate', 'CreatedDate', 'UpdatedDate', 'CancelledDate', 'FirstDepartureDate', 'LastArrivalDate'],
    references: { AccountNumber: 'profile', TravellerId: 'profile' },
  },
  airSegment: {
    kind: 'airSegment',
    family: 'air',
    standardIdentifier: 'AIR_SEGMENT',
    idField: 'SegmentId',
    documented: [
      'SegmentId', 'BookingRef', 'PassengerIndex', 'SegmentIndex', 'SeatSelection', 'NumberOfPassengers',
      'NumberOfLegs', 'Origin', 'OriginCountryCode', 'Dest', 'DestCountryCode', 'ProcessedDate', 'CreatedDate',
      'CreatedBy', 'UpdatedDate', 'UpdatedBy', 'Status', 'FlightNumber', 'Carrier', 'CarrierType', 'IsInternational',
      'IsEticket',
    ],
    ours: ['AccountNumber', 'DepartureDateTime', 'ArrivalDateTime', 'DurationMinutes', 'Fare', 'CurrencyCode'],
    timestampFields: ['ProcessedDate', 'CreatedDate', 'UpdatedDate', 'DepartureDateTime', 'ArrivalDateTime'],
    references: { AccountNumber: 'profile', BookingRef: 'airBooking' },
  },
  airPreference: {
    kind: 'airPreference',
    family: 'air',
    standardIdentifier: 'AIR_PREFERENCE',
    idField: 'PreferenceId',
    documented: [
      'PreferenceId', 'Name', 'CreatedDate', 'CreatedBy', 'UpdatedDate', 'UpdatedBy', 'StartDate', 'EndDate', 'Status',
      'ReferenceId', 'ReferenceType', 'TravelType', 'HomeAirport', 'DepartureAirport', 'Seat', 'Dining',
    ],
    ours: ['AccountNumber'],
    nestedOurs: { Seat: ['Position', 'Area'], Dining: ['MealCode'] },
    timestampFields: ['CreatedDate', 'UpdatedDate', 'StartDate', 'EndDate'],
    references: { AccountNumber: 'profile', ReferenceId: 'profile' },
  },
  hotelReservation: {
    kind: 'hotelReservation',
    family: 'hotel',
    standardIdentifier: 'HOTEL_RESERVATION',
    idField: 'ReservationId',
    documented: [
      'ReservationId', 'ConfirmationNumber', 'Status', 'TripType', 'BrandCode', 'HotelCode', 'PhoneNumber',
      'EmailAddress', 'ProcessedDate', 'CreatedDate', 'CreatedBy', 'UpdatedDate', 'UpdatedBy', 'Reserver',
      'Refundable', 'CancellationCharge', 'AmountPerNight', 'NumberOfNights', 'NumberOfGuests',
    ],
    ours: ['AccountNumber', 'HotelName', 'City', 'CountryCode', 'CheckInDate', 'CheckOutDate', 'CurrencyCode', 'StayTotalAmount', 'CancelledDate'],
    timestampFields: ['ProcessedDate', 'CreatedDate', 'UpdatedDate', 'CancelledDate'],
    references: { AccountNumber: 'profile' },
  },
  hotelStayRevenue: {
    kind: 'hotelStayRevenue',
    family: 'hotel',
    standardIdentifier: 'HOTEL_STAY_REVENUE',
    idField: 'StayRevenueId',
    documented: [],
    ours: [
      'StayRevenueId', 'ReservationRef', 'AccountNumber', 'HotelCode', 'LineNumber', 'RevenueType', 'Description',
      'RevenueDate', 'Amount', 'CurrencyCode', 'CreatedDate',
    ],
    timestampFields: ['RevenueDate', 'CreatedDate'],
    references: { AccountNumber: 'profile', ReservationRef: 'hotelReservation' },
  },
  hotelPreference: {
    kind: 'hotelPreference',
    family: 'hotel',
    standardIdentifier: 'HOTEL_PREFERENCE',
    idField: 'PreferenceId',
    documented: [
      'PreferenceId', 'Name', 'CreatedDate', 'CreatedBy', 'UpdatedDate', 'UpdatedBy', 'StartDate', 'EndDate', 'Status',
      'Smoking', 'CheckInType', 'CheckOutType', 'ReferenceId', 'ReferenceType', 'Location', 'Bedding',
    ],
    ours: ['AccountNumber'],
    nestedOurs: { Location: ['Floor', 'View'], Bedding: ['BedType', 'PillowType'] },
    timestampFields: ['CreatedDate', 'UpdatedDate', 'StartDate', 'EndDate'],
    references: { AccountNumber: 'profile', ReferenceId: 'profile' },
  },
  loyalty: {
    kind: 'loyalty',
    family: 'loyalty',
    standardIdentifier: 'LOYALTY',
    idField: 'LoyaltyId',
    documented: [
      'LoyaltyId', 'ProgramId', 'MembershipId', 'ProgramName', 'Channel', 'CreatedDate', 'EnrollmentDate', 'CreatedBy',
      'UpdatedDate', 'LastUpdatedBy', 'UpgradeDate', 'RenewalDate', 'EmailAddress', 'EmailAddressVerified',
      'PhoneNumber', 'PhoneNumberVerified', 'Status', 'Tier', 'Points',
    ],
    ours: ['AccountNumber'],
    nestedOurs: { Tier: ['Name', 'Level'], Points: ['Balance', 'LifetimeEarned', 'LifetimeRedeemed', 'QualifyingPoints'] },
    timestampFields: ['CreatedDate', 'EnrollmentDate', 'UpdatedDate', 'UpgradeDate', 'RenewalDate'],
    references: { AccountNumber: 'profile' },
  },
  loyaltyTransaction: {
    kind: 'loyaltyTransaction',
    family: 'loyalty',
    standardIdentifier: 'LOYALTY_TRANSACTION',
    idField: 'TransactionId',
    documented: [
      'TransactionId', 'TransactionName', 'TransactionType', 'ProgramRef', 'MembershipRef', 'PromotionRef',
      'CreatedDate', 'TransactionDate', 'Industry', 'Location', 'CreatedBy', 'UpdatedDate', 'UpdatedBy', 'Status',
      'AccrualType', 'Category', 'Channel', 'ProductId', 'Amount', 'OriginValue', 'OriginValueCurrency',
      'PointsEarned', 'QualifyingPointsEarned',
    ],
    ours: ['AccountNumber', 'PointsBalanceAfter'],
    timestampFields: ['CreatedDate', 'TransactionDate', 'UpdatedDate'],
    references: { AccountNumber: 'profile', MembershipRef: 'loyalty', PromotionRef: 'loyaltyPromotion' },
  },
  loyaltyPromotion: {
    kind: 'loyaltyPromotion',
    family: 'loyalty',
    standardIdentifier: 'LOYALTY_PROMOTION',
    idField: 'PromotionId',
    documented: [
      'PromotionId', 'PromotionName', 'PromotionType', 'ProgramType', 'ProgramRef', 'Tier', 'StartDate',
      'EnrolledDate', 'EndDate', 'Amount', 'Status', 'CreatedDate', 'CreatedBy', 'UpdatedDate', 'UpdatedBy',
      'CampaignRef',
    ],
    ours: ['AccountNumber', 'MembershipRef'],
    timestampFields: ['StartDate', 'EnrolledDate', 'EndDate', 'CreatedDate', 'UpdatedDate'],
    references: { AccountNumber: 'profile', MembershipRef: 'loyalty' },
  },
};

export const ALL_KINDS: readonly TravelKind[] = Object.keys(KINDS) as TravelKind[];

export const ALL_FAMILIES: readonly TravelFamily[] = ['air', 'hotel', 'loyalty'];

/** The kinds of one family, in the order they are generated. */
export function kindsOf({ family }: { family: TravelFamily }): TravelKind[] {
  return ALL_KINDS.filter((k) => KINDS[k].family === family);
}
