/**
 * Domain layouts (Profile Explorer): defaults, the create / get / update / delete lifecycle, tags and the size limit
 * of `Layout`. Expected values come from the model (specs/schemas) and from the generators, never from a target.
 */
import {
  CreateDomainLayoutCommand,
  DeleteDomainLayoutCommand,
  GetDomainLayoutCommand,
  ListDomainLayoutsCommand,
  UpdateDomainLayoutCommand,
  type CreateDomainLayoutCommandInput,
  type GetDomainLayoutCommandOutput,
  type LayoutItem,
} from '@aws-sdk/client-customer-profiles';
import { contractFile } from '../../harness/contracts/contract.ts';
import { collectPages } from '../../harness/contracts/pages.ts';
import type { Session } from '../../harness/contracts/session.ts';
import { seenError } from '../../harness/contracts/service-errors.ts';
import { attempt } from '../../harness/contracts/waiters.ts';
import { check, checkEqual } from '../../harness/contracts/violation.ts';
import { LIMITS } from '../../generators/limits.ts';
import { layoutOfSize } from '../../generators/scenarios/layouts.ts';
import { layoutDefinitionName, layoutDisplayName } from '../../generators/scenarios/names.ts';

const { contract, wireContract } = contractFile({ area: 'layouts' });

/** A small but realistic Layout document (the generators' Profile Explorer JSON). */
const LAYOUT_CHARS = 800;

/** A complete CreateDomainLayout input with generated names and content; `overrides` replace members. */
function newLayout({ session, overrides = {} }: { session: Session; overrides?: Partial<CreateDomainLayoutCommandInput> }): CreateDomainLayoutCommandInput {
  const index = session.sequence({ of: 'layout' });
  const names = { seed: session.config.seed, runId: session.config.runId, index };
  return {
    DomainName: session.domain,
    LayoutDefinitionName: layoutDefinitionName(names),
    DisplayName: layoutDisplayName(names),
    Description: `Contract layout ${index}`,
    LayoutType: 'PROFILE_EXPLORER',
    Layout: layoutOfSize({ seed: session.config.seed + index, chars: LAYOUT_CHARS }),
    ...overrides,
  };
}

/** The modelled members of a response, without the SDK's $metadata. */
function members<T extends object>(output: T): Record<string, unknown> {
  const { $metadata: _ignored, ...rest } = output as T & { $metadata?: unknown };
  return rest;
}

const ms = (d: Date | undefined): number | undefined => d?.getTime();
const isDefault = (v: { IsDefault?: boolean }): boolean => v.IsDefault ?? false; // model: default false

async function createLayout({ session, input }: { session: Session; input: CreateDomainLayoutCommandInput }) {
  return session.client.send(new CreateDomainLayoutCommand(input));
}

/** Gets a layout once it is visible (a target may converge later). */
async function getLayout({ session, name, accept = () => true, description }: {
  session: Session;
  name: string;
  accept?: (out: GetDomainLayoutCommandOutput) => boolean;
  description?: string;
}): Promise<GetDomainLayoutCommandOutput> {
  const result = await session.waitUntil({
    description: description ?? `GetDomainLayout ${name} to return the layout`,
    poll: () => attempt({ call: () => session.client.send(new GetDomainLayoutCommand({ DomainName: session.domain, LayoutDefinitionName: name })) }),
    accept: (r) => (r.ok ? accept(r.value) : seenError({ error: r.error }).name !== 'ResourceNotFoundException'),
    show: (r) => (r.ok ? summaryOf(r.value) : r.error),
  });
  if (!result.ok) throw result.error;
  return result.value;
}

/** The members a failure message needs (the Layout itself can be 2,000,000 characters). */
function summaryOf(out: GetDomainLayoutCommandOutput): Record<string, unknown> {
  const { LayoutDefinitionName, DisplayName, Description, IsDefault, Version, CreatedAt, LastUpdatedAt, Layout } = out;
  return { LayoutDefinitionName, DisplayName, Description, IsDefault, Version, CreatedAt, LastUpdatedAt, LayoutChars: Layout?.length };
}

/** The list item of `name`, once listed. */
async function listedLayout({ session, name }: { session: Session; name: string }): Promise<LayoutItem> {
  const all = await session.waitUntil({
    description: `ListDomainLayouts to include ${name}`,
    poll: async () =>
      (
        await collectPages({
          what: 'ListDomainLayouts',
          maxPages: 50,
          fetchPage: async (token) => {
            const out = await session.client.send(new ListDomainLayoutsCommand({ DomainName: session.domain, NextToken: token }));
            return { items: out.Items ?? [], nextToken: out.NextToken };
          },
        })
      ).items,
    accept: (items) => items.some((i) => i.LayoutDefinitionName === name),
  });
  return all.find((i) => i.LayoutDefinitionName === name)!;
}

contract(
  {
    id: 'LAYOUT-DEFAULT-01',
    title: 'IsDefault omitted on create is false in Create, Get and List',
    operations: ['CreateDomainLayout', 'GetDomainLayout', 'ListDomainLayouts'],
    level: 'must',
    evidence: ['M-LAYOUT-ISDEFAULT-DEFAULT'],
  },
  async ({ session }) => {
    const input = newLayout({ session });
    const created = await createLayout({ session, input });
    check({ condition: !isDefault(created), expected: 'CreateDomainLayout to report IsDefault false (or omit it)', seen: `IsDefault ${created.IsDefault}` });
    const got = await getLayout({ session, name: input.LayoutDefinitionName! });
    check({ condition: !isDefault(got), expected: 'GetDomainLayout to report IsDefault false (or omit it)', seen: `IsDefault ${got.IsDefault}` });
    const item = await listedLayout({ session, name: input.LayoutDefinitionName! });
    check({ condition: !isDefault(item), expected: 'the ListDomainLayouts item to have IsDefault false (or omit it)', seen: `IsDefault ${item.IsDefault}` });
  },
);

contract(
  {
    id: 'LAYOUT-DEFAULT-02',
    title: 'setting a second layout as default clears IsDefault on the first',
    operations: ['CreateDomainLayout', 'GetDomainLayout'],
    level: 'should',
    evidence: ['M-LAYOUT-ISDEFAULT-MEANING', 'D-LAYOUT-ONE-DEFAULT'],
  },
  async ({ session }) => {
    const first = newLayout({ session, overrides: { IsDefault: true } });
    const second = newLayout({ session, overrides: { IsDefault: true } });
    await createLayout({ session, input: first });
    await createLayout({ session, input: second });
    const gotSecond = await getLayout({ session, name: second.LayoutDefinitionName!, accept: isDefault, description: `the second layout ${second.LayoutDefinitionName} to be default` });
    check({ condition: isDefault(gotSecond), expected: 'the second layout to be default', seen: `IsDefault ${gotSecond.IsDefault}` });
    await getLayout({
      session,
      name: first.LayoutDefinitionName!,
      accept: (out) => !isDefault(out),
      description: `the first layout ${first.LayoutDefinitionName} to stop being default once ${second.LayoutDefinitionName} is`,
    });
  },
);

contract(
  {
    id: 'LAYOUT-CREATE-01',
    title: 'Create echoes every field sent, and Get returns the same layout',
    operations: ['CreateDomainLayout', 'GetDomainLayout'],
    level: 'must',
    evidence: ['M-LAYOUT-DESCRIBES'],
  },
  async ({ session }) => {
    const input = newLayout({ session, overrides: { IsDefault: true, Tags: { team: 'cpct', purpose: 'echo' } } });
    const created = members(await createLayout({ session, input }));
    const { DomainName: _domain, ...sent } = input;
    for (const [member, value] of Object.entries(sent)) checkEqual({ actual: created[member], wanted: value, what: `CreateDomainLayout ${member}` });
    const got = members(await getLayout({ session, name: input.LayoutDefinitionName! }));
    for (const [member, value] of Object.entries(created)) {
      checkEqual({ actual: got[member] instanceof Date ? (got[member] as Date).toISOString() : got[member], wanted: value instanceof Date ? value.toISOString() : value, what: `GetDomainLayout ${member} (as CreateDomainLayout returned it)` });
    }
  },
);

contract(
  {
    id: 'LAYOUT-VERSION-01',
    title: 'Version is present in Create and Get, and Get reports the version Create returned',
    operations: ['CreateDomainLayout', 'GetDomainLayout'],
    level: 'must',
    evidence: ['M-LAYOUT-VERSION'],
  },
  async ({ session }) => {
    const input = newLayout({ session });
    const created = await createLayout({ session, input });
    check({ condition: typeof created.Version === 'string' && created.Version.length > 0, expected: 'CreateDomainLayout to return a Version', seen: `Version ${JSON.stringify(created.Version)}` });
    const got = await getLayout({ session, name: input.LayoutDefinitionName! });
    checkEqual({ actual: got.Version, wanted: created.Version, what: 'GetDomainLayout Version before any update' });
  },
);

contract(
  {
    id: 'LAYOUT-VERSION-02',
    title: 'Version changes on every update',
    operations: ['CreateDomainLayout', 'UpdateDomainLayout', 'GetDomainLayout'],
    level: 'assumed',
    evidence: ['A-LAYOUT-VERSION-CHANGES'],
  },
  async ({ session }) => {
    const input = newLayout({ session });
    const name = input.LayoutDefinitionName!;
    const created = await createLayout({ session, input });
    const seen = [created.Version];
    for (const description of ['first update', 'second update']) {
      await session.client.send(new UpdateDomainLayoutCommand({ DomainName: session.domain, LayoutDefinitionName: name, Description: description }));
      const got = await getLayout({
        session,
        name,
        accept: (out) => out.Description === description && !seen.includes(out.Version),
        description: `GetDomainLayout after the ${description} to show a Version other than ${JSON.stringify(seen)}`,
      });
      seen.push(got.Version);
    }
  },
);

contract(
  {
    id: 'LAYOUT-TIMESTAMPS-01',
    title: 'CreatedAt never changes',
    operations: ['CreateDomainLayout', 'UpdateDomainLayout', 'GetDomainLayout'],
    level: 'must',
    evidence: ['M-LAYOUT-CREATEDAT'],
  },
  async ({ session }) => {
    const input = newLayout({ session });
    const name = input.LayoutDefinitionName!;
    const created = await createLayout({ session, input });
    const updated = await session.client.send(new UpdateDomainLayoutCommand({ DomainName: session.domain, LayoutDefinitionName: name, DisplayName: 'Renamed layout' }));
    if (updated.CreatedAt) checkEqual({ actual: ms(updated.CreatedAt), wanted: ms(created.CreatedAt), what: 'UpdateDomainLayout CreatedAt (epoch ms)' });
    const got = await getLayout({ session, name, accept: (out) => out.DisplayName === 'Renamed layout' });
    checkEqual({ actual: ms(got.CreatedAt), wanted: ms(created.CreatedAt), what: 'GetDomainLayout CreatedAt after an update (epoch ms)' });
  },
);

contract(
  {
    id: 'LAYOUT-TIMESTAMPS-02',
    title: 'LastUpdatedAt never goes back and is not before CreatedAt',
    operations: ['CreateDomainLayout', 'UpdateDomainLayout', 'GetDomainLayout'],
    level: 'must',
    evidence: ['M-LAYOUT-LASTUPDATEDAT'],
  },
  async ({ session, note }) => {
    const input = newLayout({ session });
    const name = input.LayoutDefinitionName!;
    const created = await createLayout({ session, input });
    check({ condition: created.CreatedAt !== undefined, expected: 'CreateDomainLayout to return CreatedAt (@required)', seen: 'none' });
    const createdAt = ms(created.CreatedAt)!;
    const iso = (at: number) => new Date(at).toISOString();
    // The latest LastUpdatedAt seen so far: none until a response carries one (CreatedAt is no stand-in for it). The
    // model marks LastUpdatedAt @required in GetDomainLayoutResponse only; Create and Update may leave it out.
    let floor: number | undefined;
    let compared = 0;
    const compare = ({ what, at, required }: { what: string; at: Date | undefined; required: boolean }) => {
      if (at === undefined) {
        check({ condition: !required, expected: `${what} to return LastUpdatedAt (@required)`, seen: 'none' });
        return;
      }
      const bound = Math.max(createdAt, floor ?? createdAt);
      check({ condition: ms(at)! >= bound, expected: `${what} LastUpdatedAt >= ${iso(bound)} (CreatedAt ${iso(createdAt)}${floor === undefined ? '' : `, LastUpdatedAt seen before ${iso(floor)}`})`, seen: at.toISOString() });
      floor = ms(at)!;
      compared += 1;
    };
    compare({ what: 'CreateDomainLayout', at: created.LastUpdatedAt, required: false });
    for (const text of ['first', 'second']) {
      const updated = await session.client.send(new UpdateDomainLayoutCommand({ DomainName: session.domain, LayoutDefinitionName: name, Description: `${text} update` }));
      compare({ what: `UpdateDomainLayout (${text})`, at: updated.LastUpdatedAt, required: false });
      const got = await getLayout({ session, name, accept: (out) => out.Description === `${text} update` });
      compare({ what: `GetDomainLayout after the ${text} update`, at: got.LastUpdatedAt, required: true });
    }
    note(`compared ${compared} LastUpdatedAt value(s) with CreatedAt and with the ones before them`);
  },
);

contract(
  {
    id: 'LAYOUT-UPDATE-01',
    title: 'updating one field keeps the others',
    operations: ['CreateDomainLayout', 'UpdateDomainLayout', 'GetDomainLayout'],
    level: 'must',
    evidence: ['M-LAYOUT-UPDATE-PARTIAL'],
  },
  async ({ session }) => {
    const input = newLayout({ session, overrides: { IsDefault: false } });
    const name = input.LayoutDefinitionName!;
    await createLayout({ session, input });
    const changes: Record<string, unknown>[] = [
      { DisplayName: 'Only the display name changed' },
      { Layout: layoutOfSize({ seed: session.config.seed + 10_000, chars: LAYOUT_CHARS }) },
    ];
    let state: Record<string, unknown> = { Description: input.Description, DisplayName: input.DisplayName, Layout: input.Layout, LayoutType: input.LayoutType, IsDefault: false };
    const read = (out: Record<string, unknown>, member: string) => (member === 'IsDefault' ? isDefault(out as { IsDefault?: boolean }) : out[member]);
    for (const change of changes) {
      state = { ...state, ...change };
      const changed = Object.keys(change).join(', ');
      const updated = members(await session.client.send(new UpdateDomainLayoutCommand({ DomainName: session.domain, LayoutDefinitionName: name, ...change })));
      // The Update response's members are all optional: check the ones it carries.
      for (const [member, value] of Object.entries(state)) {
        if (updated[member] !== undefined) checkEqual({ actual: read(updated, member), wanted: value, what: `UpdateDomainLayout ${member} after changing only ${changed}` });
      }
      const got = members(await getLayout({ session, name, accept: (out) => Object.entries(change).every(([k, v]) => (out as unknown as Record<string, unknown>)[k] === v) }));
      for (const [member, value] of Object.entries(state)) checkEqual({ actual: read(got, member), wanted: value, what: `GetDomainLayout ${member} after changing only ${changed}` });
    }
  },
);

contract(
  {
    id: 'LAYOUT-UPDATE-02',
    title: 'UpdateDomainLayout with IsDefault true, then false, is reflected in Update and Get',
    operations: ['CreateDomainLayout', 'UpdateDomainLayout', 'GetDomainLayout'],
    level: 'must',
    evidence: ['M-LAYOUT-ISDEFAULT-MEANING'],
  },
  async ({ session }) => {
    const input = newLayout({ session });
    const name = input.LayoutDefinitionName!;
    await createLayout({ session, input });
    for (const IsDefault of [true, false]) {
      const updated = await session.client.send(new UpdateDomainLayoutCommand({ DomainName: session.domain, LayoutDefinitionName: name, IsDefault }));
      // The Update response's members are all optional; IsDefault is checked when it is there.
      if (updated.IsDefault !== undefined) checkEqual({ actual: updated.IsDefault, wanted: IsDefault, what: `UpdateDomainLayout IsDefault after setting it to ${IsDefault}` });
      const got = await getLayout({ session, name, accept: (out) => isDefault(out) === IsDefault, description: `GetDomainLayout ${name} to show IsDefault ${IsDefault} after the update` });
      checkEqual({ actual: isDefault(got), wanted: IsDefault, what: `GetDomainLayout IsDefault after UpdateDomainLayout set it to ${IsDefault}` });
    }
  },
);

contract(
  {
    id: 'LAYOUT-TAGS-01',
    title: 'Tags given on create come back in Create, Get and List',
    operations: ['CreateDomainLayout', 'GetDomainLayout', 'ListDomainLayouts'],
    level: 'must',
    evidence: ['M-LAYOUT-TAGS'],
  },
  async ({ session }) => {
    const tags = { team: 'cpct', 'cost-center': '1234', empty: '' };
    const input = newLayout({ session, overrides: { Tags: tags } });
    const created = await createLayout({ session, input });
    checkEqual({ actual: created.Tags, wanted: tags, what: 'CreateDomainLayout Tags' });
    const got = await getLayout({ session, name: input.LayoutDefinitionName! });
    checkEqual({ actual: got.Tags, wanted: tags, what: 'GetDomainLayout Tags' });
    const item = await listedLayout({ session, name: input.LayoutDefinitionName! });
    checkEqual({ actual: item.Tags, wanted: tags, what: 'ListDomainLayouts item Tags' });
  },
);

contract(
  {
    id: 'LAYOUT-DELETE-01',
    title: 'Delete returns a Message; then Get and a second Delete are ResourceNotFoundException',
    operations: ['CreateDomainLayout', 'DeleteDomainLayout', 'GetDomainLayout'],
    level: 'must',
    evidence: ['M-LAYOUT-DELETE', 'M-GetDomainLayout-ERROR-ResourceNotFoundException', 'M-DeleteDomainLayout-ERROR-ResourceNotFoundException', 'M-ERRORS-NOTFOUND'],
  },
  async ({ session }) => {
    const input = newLayout({ session });
    const name = input.LayoutDefinitionName!;
    await createLayout({ session, input });
    await getLayout({ session, name });
    const deleted = await session.client.send(new DeleteDomainLayoutCommand({ DomainName: session.domain, LayoutDefinitionName: name }));
    check({ condition: typeof deleted.Message === 'string' && deleted.Message.length > 0, expected: 'DeleteDomainLayout to return a Message', seen: `Message ${JSON.stringify(deleted.Message)}` });
    await session.waitUntil({
      description: `GetDomainLayout ${name} to be ResourceNotFoundException after the delete`,
      poll: () => attempt({ call: () => session.client.send(new GetDomainLayoutCommand({ DomainName: session.domain, LayoutDefinitionName: name })) }),
      accept: (r) => !r.ok && seenError({ error: r.error }).name === 'ResourceNotFoundException',
    });
    await session.errors.expect({
      what: 'GetDomainLayout of the deleted layout',
      code: 'ResourceNotFoundException',
      call: () => session.client.send(new GetDomainLayoutCommand({ DomainName: session.domain, LayoutDefinitionName: name })),
    });
    await session.errors.expect({
      what: 'a second DeleteDomainLayout of the same layout',
      code: 'ResourceNotFoundException',
      call: () => session.client.send(new DeleteDomainLayoutCommand({ DomainName: session.domain, LayoutDefinitionName: name })),
    });
  },
);

contract(
  {
    id: 'LAYOUT-DUPLICATE-01',
    title: 'a duplicate create is a 4xx and leaves the original unchanged',
    operations: ['CreateDomainLayout', 'GetDomainLayout'],
    level: 'assumed',
    evidence: ['A-LAYOUT-DUPLICATE'],
  },
  async ({ session }) => {
    const input = newLayout({ session });
    const name = input.LayoutDefinitionName!;
    const created = await createLayout({ session, input });
    const again = { ...input, Description: 'A different description', Layout: layoutOfSize({ seed: session.config.seed + 20_000, chars: LAYOUT_CHARS }) };
    const result = await attempt({ call: () => createLayout({ session, input: again }) });
    const seen = result.ok ? undefined : seenError({ error: result.error });
    check({
      condition: seen !== undefined && seen.status !== undefined && seen.status >= 400 && seen.status < 500,
      expected: `a second CreateDomainLayout of ${name} to fail with a 4xx service error`,
      seen: seen ? `${seen.name} (HTTP ${seen.status})` : 'success',
    });
    const got = await getLayout({ session, name });
    checkEqual({ actual: got.Description, wanted: input.Description, what: 'Description of the original after the duplicate create' });
    check({ condition: got.Layout === input.Layout, expected: 'the original Layout after the duplicate create', seen: `a Layout of ${got.Layout?.length} characters${got.Layout === again.Layout ? ' (the duplicate\'s)' : ''}` });
    checkEqual({ actual: got.Version, wanted: created.Version, what: 'Version of the original after the duplicate create' });
  },
);

contract(
  {
    id: 'LAYOUT-SIZE-01',
    title: `a Layout of exactly ${LIMITS.layout.max.toLocaleString('en-US')} characters round-trips byte for byte`,
    operations: ['CreateDomainLayout', 'GetDomainLayout'],
    level: 'must',
    evidence: ['M-LAYOUT-LAYOUT-LENGTH'],
  },
  async ({ session }) => {
    const layout = layoutOfSize({ seed: session.config.seed, chars: LIMITS.layout.max });
    const input = newLayout({ session, overrides: { Layout: layout } });
    const created = await createLayout({ session, input });
    check({ condition: created.Layout === layout, expected: `CreateDomainLayout to echo the ${layout.length}-character Layout unchanged`, seen: `${created.Layout?.length} characters${created.Layout?.length === layout.length ? ' that differ' : ''}` });
    const got = await getLayout({ session, name: input.LayoutDefinitionName! });
    check({ condition: got.Layout === layout, expected: `GetDomainLayout to return the ${layout.length}-character Layout unchanged`, seen: `${got.Layout?.length} characters${got.Layout?.length === layout.length ? ' that differ' : ''}` });
  },
);

contract(
  {
    id: 'LAYOUT-SIZE-02',
    title: `a Layout of ${(LIMITS.layout.max + 1).toLocaleString('en-US')} characters is a BadRequestException`,
    operations: ['CreateDomainLayout'],
    level: 'must',
    evidence: ['M-CreateDomainLayout-INPUT-Layout', 'M-CreateDomainLayout-ERROR-BadRequestException', 'M-ERRORS-BADREQUEST'],
    readsData: false,
  },
  async ({ session }) => {
    const input = newLayout({ session, overrides: { Layout: layoutOfSize({ seed: session.config.seed, chars: LIMITS.layout.max + 1 }) } });
    await session.errors.expect({ what: 'CreateDomainLayout with a 2,000,001-character Layout', code: 'BadRequestException', call: () => createLayout({ session, input }) });
  },
);

wireContract();
