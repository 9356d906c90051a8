/**
 * The guard in front of real AWS: a run against AWS costs money and touches a real account, so it is refused unless
 * the user opted in (`CPCT_ALLOW_AWS=1`), and, when `CPCT_AWS_ACCOUNT` names an account, unless the credentials
 * belong to it. Both checks run before the first call to Customer Profiles. The caller passes the environment and the
 * STS call in, so this module reads nothing on its own and the tests need no network.
 */
import { UsageError } from '../errors.ts';

type Env = Readonly<Record<string, string | undefined>>;

/** What STS GetCallerIdentity returns that the guard looks at. */
export interface CallerIdentity {
  Account?: string;
  Arn?: string;
}

/** Shows only the last four digits: CI logs may be public, and the user knows which account they meant. */
export function maskAccount({ account }: { account: string }): string {
  return account.length > 4 ? `…${account.slice(-4)}` : account;
}

/** Refuses a run against AWS unless `CPCT_ALLOW_AWS=1`; returns the UsageError to report, or null to go on. */
export function checkAwsAllowed({ env }: { env: Env }): UsageError | null {
  if (env.CPCT_ALLOW_AWS === '1') return null;
  return new UsageError({
    component: 'aws',
    expected: 'CPCT_ALLOW_AWS=1 before a run against real AWS (it creates and deletes resources in the account and is billed)',
    seen: env.CPCT_ALLOW_AWS === undefined ? 'CPCT_ALLOW_AWS unset' : `CPCT_ALLOW_AWS=${JSON.stringify(env.CPCT_ALLOW_AWS)}`,
    action: 'set CPCT_ALLOW_AWS=1 (and preferably CPCT_AWS_ACCOUNT=<sandbox account id>) to run against AWS, or use --endpoint or --replay',
  });
}

/**
 * When `CPCT_AWS_ACCOUNT` is set, checks that the caller's account (STS GetCallerIdentity, injected) is that one.
 * Returns the UsageError to report, or null to go on; `account` is the caller's account when it was asked (the
 * recorder replaces it everywhere in tapes).
 */
export async function checkAccount({ env, getCallerIdentity }: { env: Env; getCallerIdentity: () => Promise<CallerIdentity> }): Promise<{ error: UsageError | null; account?: string }> {
  const wanted = env.CPCT_AWS_ACCOUNT;
  if (wanted === undefined || wanted === '') return { error: null };
  if (!/^\d{12}$/.test(wanted)) {
    return {
      error: new UsageError({
        component: 'aws',
        expected: 'CPCT_AWS_ACCOUNT to be a 12-digit AWS account id',
        seen: `a value of ${wanted.length} characters that is not 12 digits`,
        action: 'set CPCT_AWS_ACCOUNT to the id of the sandbox account, or unset it',
      }),
    };
  }
  let identity: CallerIdentity;
  try {
    identity = await getCallerIdentity();
  } catch (error) {
    const e = error as Error;
    return {
      error: new UsageError({
        component: 'aws',
        expected: 'STS GetCallerIdentity to name the account of the credentials (CPCT_AWS_ACCOUNT is set)',
        seen: `${e?.name ?? 'Error'}: ${e?.message ?? String(error)}`,
        action: 'check the credentials of the default chain (AWS_PROFILE, AWS_ACCESS_KEY_ID, ...) and the region, or unset CPCT_AWS_ACCOUNT',
      }),
    };
  }
  const account = identity.Account;
  if (account !== wanted) {
    return {
      error: new UsageError({
        component: 'aws',
        expected: `credentials of account ${maskAccount({ account: wanted })} (CPCT_AWS_ACCOUNT)`,
        seen: account ? `credentials of account ${maskAccount({ account })}` : 'no account in the STS answer',
        action: 'switch to the sandbox account\'s credentials (AWS_PROFILE) or correct CPCT_AWS_ACCOUNT; nothing was called',
      }),
      account,
    };
  }
  return { error: null, account };
}

/** Both checks in order, stopping at the first refusal; `getCallerIdentity` is only called when the first passes. */
export async function guardAws({ env, getCallerIdentity }: { env: Env; getCallerIdentity: () => Promise<CallerIdentity> }): Promise<{ error: UsageError | null; account?: string }> {
  const refused = checkAwsAllowed({ env });
  if (refused) return { error: refused };
  return checkAccount({ env, getCallerIdentity });
}
