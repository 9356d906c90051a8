/**
 * `customer-profiles-conformance/generators`: seeded synthetic travel & hospitality data (profiles and the nine T&H
 * object kinds), AWS T&H sample-shaped records, and the object-type scenarios the contracts use.
 */
export { generateProfileBundle, generateRecords, ndjsonLine, TravelGenerator, type GeneratedProfile, type GeneratedRecord, type GenerateOptions, type TravelObject } from './generate.ts';
export { sampleMember, sampleMembers, SAMPLE_OBJECT_TYPES, type SampleMember, type SampleRecord, type SampleVertical } from './aws-sample.ts';
