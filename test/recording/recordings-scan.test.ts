import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatFindings, scanRecordings } from '../../harness/recording/scan.ts';

const RECORDINGS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'recordings');

describe('scanRecordings', () => {
  it('returns no finding for the committed recordings/ (no credential, real account id or personal data in any tape)', () => {
    const findings = scanRecordings({ dir: RECORDINGS });
    expect(findings, formatFindings({ findings })).toEqual([]);
  });
});
