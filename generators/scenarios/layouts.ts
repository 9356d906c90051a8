/**
 * Profile Explorer layout documents of an exact size. A layout is one root component; every component has the five
 * documented elements Type, Id, Props, Children and DataSource (admin guide, https://docs.aws.amazon.com/connect/latest/adminguide/layout-definition.html). The
 * component types, their Props and DataSource contents are the project's own plausible choices. Sizes are in
 * characters (UTF-16 code units, as the model's length trait counts); the text is ASCII, so bytes = characters.
 */
import type { Faker } from '@faker-js/faker';
import { newFaker } from '../faker-locales.ts';
import { LIMITS } from '../limits.ts';

interface Component {
  Type: string;
  Id: string;
  Props: Record<string, unknown>;
  Children: Component[];
  DataSource: Record<string, unknown>;
}

const PROFILE_FIELDS = ['FirstName', 'LastName', 'EmailAddress', 'PhoneNumber', 'AccountNumber', 'BirthDate', 'Address.City'];
const OBJECT_TYPES = ['airBooking', 'airSegment', 'hotelReservation', 'hotelStayRevenue', 'loyalty', 'loyaltyTransaction'];

function component(f: Faker, n: number): Component {
  const kind = n % 4;
  const id = `${['table', 'kv', 'text', 'board'][kind]}-${n}-${f.string.hexadecimal({ length: 6, casing: 'lower', prefix: '' })}`;
  if (kind === 0) {
    const objectType = f.helpers.arrayElement(OBJECT_TYPES);
    return {
      Type: 'Table',
      Id: id,
      Props: { Title: `${objectType} history`, PageSize: f.number.int({ min: 5, max: 50 }), Sortable: true },
      Children: [],
      DataSource: { Source: 'ProfileObjects', ObjectTypeName: objectType, Columns: f.helpers.arrayElements(['CreatedDate', 'Status', 'Amount', 'Origin', 'Dest', 'HotelCode'], 3) },
    };
  }
  if (kind === 1) {
    return {
      Type: 'KeyValuePair',
      Id: id,
      Props: { Label: f.helpers.arrayElement(['Name', 'Email', 'Phone', 'Account', 'Home city']), Columns: f.number.int({ min: 1, max: 3 }) },
      Children: [],
      DataSource: { Source: 'Profile', Field: f.helpers.arrayElement(PROFILE_FIELDS) },
    };
  }
  if (kind === 2) {
    return {
      Type: 'TextContent',
      Id: id,
      Props: { Text: f.lorem.sentence(), Variant: f.helpers.arrayElement(['h2', 'h3', 'p', 'small']) },
      Children: [],
      DataSource: { Source: 'Static' },
    };
  }
  return {
    Type: 'BoardItem',
    Id: id,
    Props: { Header: f.lorem.words(2), ColumnSpan: f.number.int({ min: 1, max: 4 }), RowSpan: f.number.int({ min: 1, max: 3 }) },
    Children: [],
    DataSource: { Source: 'CalculatedAttributes', Names: [`cpct_${f.lorem.word()}`] },
  };
}

/** Root component JSON around a children string, and the filler TextContent that absorbs the remaining characters. */
function assemble(rootHead: string, children: string[], fillerHead: string, filler: string, fillerTail: string, rootTail: string): string {
  const parts = [...children, `${fillerHead}${JSON.stringify(filler)}${fillerTail}`];
  return `${rootHead}${parts.join(',')}${rootTail}`;
}

interface Skeleton {
  faker: Faker;
  rootHead: string;
  rootTail: string;
  fillerHead: string;
  fillerTail: string;
  /** Characters of the layout with no components and an empty filler text. */
  base: number;
}

function skeleton(seed: number): Skeleton {
  const faker = newFaker({ locale: 'en' });
  faker.seed(seed);
  const rootId = `root-${faker.string.hexadecimal({ length: 8, casing: 'lower', prefix: '' })}`;
  const rootHead = `{"Type":"BoardItem","Id":${JSON.stringify(rootId)},"Props":{"Title":"Customer profile"},"DataSource":{"Source":"Profile"},"Children":[`;
  const rootTail = ']}';
  const fillerHead = `{"Type":"TextContent","Id":"text-filler","Props":{"Variant":"p","Text":`;
  const fillerTail = '},"Children":[],"DataSource":{"Source":"Static"}}';
  const base = rootHead.length + fillerHead.length + 2 + fillerTail.length + rootTail.length;
  return { faker, rootHead, rootTail, fillerHead, fillerTail, base };
}

/** The smallest size `layoutOfSize` accepts: a root component holding one filler component with empty text. */
export function minimumLayoutChars(): number {
  return skeleton(0).base;
}

/**
 * A Layout JSON string of exactly `chars` characters that parses as JSON, deterministic for (seed, chars). Sizes above
 * the model's 2,000,000 are allowed on purpose (for rejection tests), up to 4,000,000.
 */
export function layoutOfSize({ seed, chars }: { seed: number; chars: number }): string {
  const { faker: f, rootHead, rootTail, fillerHead, fillerTail, base } = skeleton(seed);
  if (!Number.isInteger(chars) || chars < base || chars > 2 * LIMITS.layout.max) {
    throw new RangeError(`layouts: expected an integer size from ${base} to ${2 * LIMITS.layout.max} characters; saw ${chars}; pick a size in that range`);
  }
  // Up to 200 real components, one per ~500 characters; the filler text takes up the rest exactly.
  const wanted = Math.min(200, Math.floor((chars - base) / 500));
  const children: string[] = [];
  let used = base;
  for (let n = 0; n < wanted; n++) {
    const json = JSON.stringify(component(f, n));
    if (used + json.length + 1 > chars) break;
    children.push(json);
    used += json.length + 1;
  }
  const fillerLength = chars - used;
  const words = `${f.lorem.words(64)} `;
  const filler = fillerLength > 0 ? words.repeat(Math.ceil(fillerLength / words.length)).slice(0, fillerLength) : '';
  const layout = assemble(rootHead, children, fillerHead, filler, fillerTail, rootTail);
  if (layout.length !== chars) throw new Error(`layouts: expected ${chars} characters; saw ${layout.length}; this is a bug in layoutOfSize`);
  return layout;
}
