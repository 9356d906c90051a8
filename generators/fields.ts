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
  /** Nested fields and their sub-fields (the docs' sub-tables were not visible, so every sub-field name is ours or the sample's). */
  nestedOurs?: Readonly<Record<string, readonly string[]>>;
  /**
   * Field paths (`Field` or `Nested.Sub`) whose names come from AWS's travel and hospitality sample: the Targets its
   * object-type mappings write on this standard object (and `Seat.Price`, which its calculated attribute reads).
   */
  namedBySample?: readonly string[];
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
    ours: ['AccountNumber', 'CurrencyCode', 'FirstDepartureDate', 'LastArrivalDate', 'NumberOfSegments', 'Channel'],
    nestedOurs: { Price: ['BaseFare', 'Taxes', 'TotalPrice', 'TravellerPrice', 'Currency'], Channel: ['Method'] },
    namedBySample: ['TravellerId', 'CreatedDate', 'UpdatedDate', 'UpdatedBy', 'Price.TotalPrice', 'Price.TravellerPrice', 'Channel.Method'],
    timestampFields: ['ProcessedDate', 'CreatedDate', 'UpdatedDate', 'CancelledDate', 'FirstDepartureDate', 'LastArrivalDate'],
    references: { AccountNumber: 'profile', TravellerId: 'profile' },
  },
  airSegment: {
    kind: 'airSegment',
    family: 'air',
    standardIdentifier: 'AIR_SEGMENT',
    idField: 'SegmentId',
    documented: [
      'SegmentId', 'BookingRef', 'PassengerIndex', 'SegmentIndex', 'NumberOfPassengers',
      'NumberOfLegs', 'Origin', 'OriginCountryCode', 'Dest', 'DestCountryCode', 'ProcessedDate', 'CreatedDate',
      'CreatedBy', 'UpdatedDate', 'UpdatedBy', 'Status', 'FlightNumber', 'Carrier', 'CarrierType', 'IsInternational',
      'IsEticket',
    ],
    ours: [
      'AccountNumber', 'DepartureDateTime', 'ArrivalDateTime', 'Departure', 'Arrival', 'Duration', 'Distance', 'MilesToEarn',
      'BookedClassOfService', 'CurrentClassOfService', 'Upgraded', 'BaggageQuantity', 'Seat', 'CurrencyCode',
    ],
    nestedOurs: { Departure: ['Date', 'Time', 'ScheduledTime'], Arrival: ['Date', 'Time', 'ScheduledTime'], Seat: ['SeatNumber', 'Price'] },
    namedBySample: [
      'BookingRef', 'CreatedDate', 'UpdatedDate', 'UpdatedBy', 'Origin', 'Dest', 'FlightNumber', 'Status', 'IsInternational',
      'OriginCountryCode', 'DestCountryCode', 'Carrier', 'IsEticket', 'Departure.Date', 'Departure.Time', 'Departure.ScheduledTime',
      'Arrival.Date', 'Arrival.Time', 'Arrival.ScheduledTime', 'Duration', 'Distance', 'MilesToEarn', 'BookedClassOfService',
      'CurrentClassOfService', 'Upgraded', 'BaggageQuantity', 'Seat.SeatNumber', 'Seat.Price',
    ],
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
      'ReferenceId', 'ReferenceType', 'TravelType', 'HomeAirport', 'DepartureAirport', 'Seat', 'Dining', 'Language',
    ],
    ours: ['AccountNumber'],
    nestedOurs: { Seat: ['Location', 'ClassOfService'], Dining: ['MealType', 'DietaryRestriction'], Language: ['InPersonLanguage'] },
    namedBySample: [
      'CreatedDate', 'UpdatedDate', 'ReferenceId', 'ReferenceType', 'TravelType', 'HomeAirport', 'Seat.Location', 'Seat.ClassOfService',
      'Dining.MealType', 'Dining.DietaryRestriction', 'Language.InPersonLanguage',
    ],
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
    ours: [
      'AccountNumber', 'HotelName', 'City', 'CountryCode', 'CheckIn', 'Checkout', 'Room', 'Guests', 'TotalAmountBeforeTax',
      'TotalAmountAfterTax', 'Currency', 'StayTotalAmount', 'CancelledDate',
    ],
    nestedOurs: { CheckIn: ['Date'], Checkout: ['Date'], Room: ['TypeCode', 'TypeName'], Guests: ['Adults', 'Children'], Currency: ['Code'] },
    namedBySample: [
      'ConfirmationNumber', 'Status', 'TripType', 'BrandCode', 'HotelCode', 'EmailAddress', 'PhoneNumber', 'CreatedDate', 'CreatedBy',
      'UpdatedDate', 'UpdatedBy', 'ProcessedDate', 'CheckIn.Date', 'Checkout.Date', 'Room.TypeCode', 'Room.TypeName', 'NumberOfNights',
      'NumberOfGuests', 'Guests.Adults', 'Guests.Children', 'AmountPerNight', 'TotalAmountBeforeTax', 'TotalAmountAfterTax',
      'Currency.Code', 'Refundable', 'CancellationCharge', 'Reserver',
    ],
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
      'StayRevenueId', 'ReservationId', 'AccountNumber', 'GuestId', 'HotelCode', 'StartDate', 'LineNumber', 'RevenueType',
      'Description', 'RevenueDate', 'Amount', 'CurrencyCode', 'Status', 'ProcessedDate', 'CreatedDate', 'CreatedBy',
    ],
    namedBySample: [
      'StayRevenueId', 'ReservationId', 'GuestId', 'HotelCode', 'StartDate', 'Description', 'Amount', 'CurrencyCode', 'Status',
      'ProcessedDate', 'CreatedBy',
    ],
    timestampFields: ['RevenueDate', 'ProcessedDate', 'CreatedDate'],
    references: { AccountNumber: 'profile', GuestId: 'profile', ReservationId: 'hotelReservation' },
  },
  hotelPreference: {
    kind: 'hotelPreference',
    family: 'hotel',
    standardIdentifier: 'HOTEL_PREFERENCE',
    idField: 'PreferenceId',
    documented: [
      'PreferenceId', 'Name', 'CreatedDate', 'CreatedBy', 'UpdatedDate', 'UpdatedBy', 'StartDate', 'EndDate', 'Status',
      'Smoking', 'CleaningTime', 'CheckInType', 'CheckOutType', 'ReferenceId', 'ReferenceType', 'Location', 'Bedding',
    ],
    ours: ['AccountNumber'],
    nestedOurs: { Location: ['PreferredFloor', 'View'], Bedding: ['BedType', 'PillowType'] },
    namedBySample: [
      'Name', 'Smoking', 'CleaningTime', 'CheckInType', 'CheckOutType', 'ReferenceId', 'ReferenceType', 'Status', 'StartDate', 'EndDate',
      'CreatedDate', 'CreatedBy', 'UpdatedDate', 'UpdatedBy', 'Location.PreferredFloor', 'Location.View', 'Bedding.BedType',
      'Bedding.PillowType',
    ],
    timestampFields: ['CreatedDate', 'UpdatedDate', 'StartDate', 'EndDate'],
    references: { AccountNumber: 'profile', ReferenceId: 'profile' },
  },
  loyalty: {
    kind: 'loyalty',
    family: 'loyalty',
    standardIdentifier: 'LOYALTY',
    idField: 'LoyaltyId',
    documented: [
      'LoyaltyId', 'ProgramId', 'MembershipId', 'ProgramName', 'Group', 'Channel', 'CreatedDate', 'EnrollmentDate', 'CreatedBy',
      'UpdatedDate', 'LastUpdatedBy', 'UpgradeDate', 'RenewalDate', 'EmailAddress', 'EmailAddressVerified',
      'PhoneNumber', 'PhoneNumberVerified', 'Status', 'Tier', 'Points',
    ],
    ours: ['AccountNumber'],
    nestedOurs: {
      Tier: ['Name', 'Level', 'CurrentTier', 'NextTier', 'PointsToNextTier'],
      Points: ['Unit', 'Balance', 'Lifetime', 'LifetimeRedeemed', 'QualifyingPoints'],
    },
    namedBySample: [
      'MembershipId', 'Status', 'Group', 'UpdatedDate', 'CreatedDate', 'ProgramId', 'ProgramName', 'EnrollmentDate', 'Tier.CurrentTier',
      'Tier.NextTier', 'Tier.PointsToNextTier', 'Points.Unit', 'Points.Balance', 'Points.Lifetime',
    ],
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
