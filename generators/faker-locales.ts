/**
 * Faker instances for the generators, built from the package's per-locale entry points. Importing anything from
 * `@faker-js/faker` itself loads every one of its ~70 locales (measured here: about four times the time of loading
 * the five this project uses), and every contract worker and CLI process paid for that on start.
 */
import type { Faker } from '@faker-js/faker';
import { faker as en } from '@faker-js/faker/locale/en';
import { faker as en_AU } from '@faker-js/faker/locale/en_AU';
import { faker as en_CA } from '@faker-js/faker/locale/en_CA';
import { faker as en_GB } from '@faker-js/faker/locale/en_GB';
import { faker as en_US } from '@faker-js/faker/locale/en_US';

/** The locales the generators draw from: English, and the home countries' own variants (each falling back to English). */
export type FakerLocale = 'en' | 'en_US' | 'en_CA' | 'en_GB' | 'en_AU';

const SHARED: Record<FakerLocale, Faker> = { en, en_US, en_CA, en_GB, en_AU };

/**
 * A new Faker of `locale`, owned by the caller (seeding it touches no other instance): the class and the locale's
 * merged definitions come from the package's shared instance of that locale, which is never seeded or drawn from.
 */
export function newFaker({ locale }: { locale: FakerLocale }): Faker {
  const shared = SHARED[locale];
  const FakerClass = shared.constructor as new (options: { locale: Faker['rawDefinitions'] }) => Faker;
  return new FakerClass({ locale: shared.rawDefinitions });
}
