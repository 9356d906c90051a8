import { describe, expect, it } from 'vitest';
import { UsageError } from '../../harness/errors.ts';
import { checkAccount, checkAwsAllowed, guardAws } from '../../harness/recording/aws-guard.ts';

/** A fake STS: counts calls, answers with `account` or throws `error`. */
function fakeSts({ account, error }: { account?: string; error?: Error }) {
  const calls: number[] = [];
  return {
    calls,
    getCallerIdentity: async () => {
      calls.push(1);
      if (error) throw error;
      return { Account: account, Arn: `arn:aws:iam::${account}:user/u` };
    },
  };
}

describe('checkAwsAllowed', () => {
  it('returns null when CPCT_ALLOW_AWS is 1', () => {
    expect(checkAwsAllowed({ env: { CPCT_ALLOW_AWS: '1' } })).toBeNull();
  });

  it.each([
    [{}, 'CPCT_ALLOW_AWS unset'],
    [{ CPCT_ALLOW_AWS: 'true' }, 'CPCT_ALLOW_AWS="true"'],
    [{ CPCT_ALLOW_AWS: '0' }, 'CPCT_ALLOW_AWS="0"'],
  ])('returns a UsageError saying what to set, given %j', (env, seen) => {
    const error = checkAwsAllowed({ env });
    expect(error).toBeInstanceOf(UsageError);
    expect(error?.message).toMatch(new RegExp(`^aws: expected CPCT_ALLOW_AWS=1 before a run against real AWS .*; saw ${seen.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}; set CPCT_ALLOW_AWS=1`));
  });
});

describe('checkAccount', () => {
  it('returns no error and asks nothing when CPCT_AWS_ACCOUNT is unset', async () => {
    const sts = fakeSts({ account: '123456789012' });
    expect(await checkAccount({ env: {}, getCallerIdentity: sts.getCallerIdentity })).toEqual({ error: null });
    expect(sts.calls).toHaveLength(0);
  });

  it('returns no error and the account when the caller is in CPCT_AWS_ACCOUNT', async () => {
    const sts = fakeSts({ account: '123456789012' });
    expect(await checkAccount({ env: { CPCT_AWS_ACCOUNT: '123456789012' }, getCallerIdentity: sts.getCallerIdentity })).toEqual({ error: null, account: '123456789012' });
  });

  it('returns a UsageError showing only the last digits of both accounts when they differ', async () => {
    const sts = fakeSts({ account: '999988887777' });
    const { error, account } = await checkAccount({ env: { CPCT_AWS_ACCOUNT: '123456789012' }, getCallerIdentity: sts.getCallerIdentity });
    expect(error).toBeInstanceOf(UsageError);
    expect(error?.message).toBe(
      "aws: expected credentials of account …9012 (CPCT_AWS_ACCOUNT); saw credentials of account …7777; switch to the sandbox account's credentials (AWS_PROFILE) or correct CPCT_AWS_ACCOUNT; nothing was called",
    );
    expect(error?.message).not.toContain('999988887777');
    expect(account).toBe('999988887777');
  });

  it('returns a UsageError without asking STS when CPCT_AWS_ACCOUNT is not 12 digits', async () => {
    const sts = fakeSts({ account: '123456789012' });
    const { error } = await checkAccount({ env: { CPCT_AWS_ACCOUNT: '1234-5678' }, getCallerIdentity: sts.getCallerIdentity });
    expect(error?.message).toContain('expected CPCT_AWS_ACCOUNT to be a 12-digit AWS account id');
    expect(sts.calls).toHaveLength(0);
  });

  it('returns a UsageError naming the STS failure when the credentials cannot be resolved', async () => {
    const failure = Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' });
    const { error } = await checkAccount({ env: { CPCT_AWS_ACCOUNT: '123456789012' }, getCallerIdentity: fakeSts({ error: failure }).getCallerIdentity });
    expect(error?.message).toContain('saw CredentialsProviderError: Could not load credentials from any providers; check the credentials');
  });
});

describe('guardAws', () => {
  it('returns the refusal before any STS call when AWS is not allowed', async () => {
    const sts = fakeSts({ account: '123456789012' });
    const { error } = await guardAws({ env: { CPCT_AWS_ACCOUNT: '123456789012' }, getCallerIdentity: sts.getCallerIdentity });
    expect(error?.message).toMatch(/^aws: expected CPCT_ALLOW_AWS=1/);
    expect(sts.calls).toHaveLength(0);
  });

  it('returns no error and the account when allowed and the account matches', async () => {
    const sts = fakeSts({ account: '123456789012' });
    expect(await guardAws({ env: { CPCT_ALLOW_AWS: '1', CPCT_AWS_ACCOUNT: '123456789012' }, getCallerIdentity: sts.getCallerIdentity })).toEqual({ error: null, account: '123456789012' });
    expect(sts.calls).toHaveLength(1);
  });
});
