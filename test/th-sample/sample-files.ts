/**
 * Reading AWS's travel and hospitality sample (object-type mappings and calculated attributes, copied byte for byte
 * beside the project in ../shared/reference/aws-samples-th) and the views of a source record its mapping defines.
 * The files are read unchanged at test time and never copied into the repository.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Where the sample's files live (absent on a user's machine). */
export const SAMPLE_DIR = path.resolve(PROJECT_ROOT, '..', 'shared', 'reference', 'aws-samples-th');
export const hasSample = existsSync(SAMPLE_DIR);

/** A mapping file as the sample sends it to PutProfileObjectType (members of the request, without DomainName). */
export interface SampleMapping {
  ObjectTypeName: string;
  Description: string;
  AllowProfileCreation: boolean;
  SourceLastUpdatedTimestampFormat: string;
  Fields: Record<string, { Source: string; Target?: string; ContentType?: string }>;
  Keys: Record<string, { FieldNames: string[]; StandardIdentifiers?: string[] }[]>;
}

/** The sample's files by vertical: mappings (in the order the sample creates them) and calculated attributes. */
export const SAMPLE_FILES = {
  airline: { mappings: ['airlines/Loyalty.json', 'airlines/Preferences.json', 'airlines/Booking.json'], definitions: ['airlines/CA_TotalDollarsSpentInAYear.json', 'airlines/CA_DayOfTravel.json'] },
  hotel: { mappings: ['hotels/Loyalty.json', 'hotels/Preferences.json', 'hotels/Booking.json', 'hotels/StayRevenue.json'], definitions: [] as string[] },
} as const;

/** The parsed JSON of one of the sample's files, exactly as stored. */
export function readSampleFile({ file }: { file: string }): Record<string, any> {
  return JSON.parse(readFileSync(path.join(SAMPLE_DIR, file), 'utf8')) as Record<string, any>;
}

/** The record fields a mapping reads: `<field>` of every `_source.<field>` Source. */
export function sourceFields({ mapping }: { mapping: SampleMapping }): Set<string> {
  return new Set(Object.values(mapping.Fields).map((f) => f.Source.replace(/^_source\./, '')));
}

