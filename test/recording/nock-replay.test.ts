import { CustomerProfilesClient, GetDomainCommand, TagResourceCommand } from '@aws-sdk/client-customer-profiles';
import { afterEach, describe, expect, it } from 'vitest';
import { nockReplay } from '../../harness/recording/nock-replay.ts';
import { createReplayHandler } from '../../harness/recording/replay.ts';
import { CANONICAL_SCOPE } from '../../harness/recording/sanitize.ts';
import { ia, runCalls, serviceTape, tape } from './fixtures.ts';

describe('nockReplay', () => {
  let restore: (() => void) | undefined;
  afterEach(() => restore?.());

  it('returns through real nock the same SDK outputs as the replay handler, for the same tape', async () => {
    const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' };
    const handler = createReplayHandler({ tape: serviceTape() });
    const viaHandler = await runCalls(new CustomerProfilesClient({ region: 'us-east-1', endpoint: 'http://ignored.invalid', credentials, requestHandler: handler, maxAttempts: 1 }));
    expect(handler.unused()).toEqual([]);

    const replay = nockReplay({ tape: serviceTape() });
    restore = replay.restore;
    const client = new CustomerProfilesClient({ region: 'us-east-1', endpoint: CANONICAL_SCOPE, credentials, maxAttempts: 1 });
    const viaNock = await runCalls(client);
    client.destroy();
    expect(replay.pending()).toEqual([]);

    expect(viaNock).toEqual(viaHandler);
    expect((viaHandler[3] as { Stats: unknown }).Stats).toEqual({ ProfileCount: 3 });
    expect(viaHandler[4]).toMatchObject({ name: 'ResourceNotFoundException', message: 'Layout missing not found', fault: 'client' });
  });

  it('throws for a request the tape does not hold, without reaching the network', async () => {
    const replay = nockReplay({ tape: serviceTape() });
    restore = replay.restore;
    const client = new CustomerProfilesClient({ region: 'us-east-1', endpoint: CANONICAL_SCOPE, credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' }, maxAttempts: 1 });
    const error = await client.send(new GetDomainCommand({ DomainName: 'other' })).catch((e: Error) => e);
    client.destroy();
    expect((error as Error).message).toContain('Nock: No match for request');
    expect(replay.pending()).toHaveLength(5);
  });

  it('returns the recorded response for a live request carrying the real account id and AKIA key where the tape has placeholders', async () => {
    const fakeArn = 'arn:aws:profile:us-east-1:000000000000:domains/d';
    const replay = nockReplay({ tape: tape([ia({ method: 'POST', path: `/tags/${encodeURIComponent(fakeArn)}`, body: { tags: { owner: 'REDACTED_ACCESS_KEY_ID', team: 'a' } } })]) });
    restore = replay.restore;
    const client = new CustomerProfilesClient({ region: 'us-east-1', endpoint: CANONICAL_SCOPE, credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' }, maxAttempts: 1 });
    const out = await client.send(new TagResourceCommand({ resourceArn: 'arn:aws:profile:us-east-1:123456789012:domains/d', tags: { team: 'a', owner: 'AKIAIOSFODNN7EXAMPLE' } }));
    client.destroy();
    expect(out.$metadata.httpStatusCode).toBe(200);
    expect(replay.pending()).toEqual([]);
  });
});
