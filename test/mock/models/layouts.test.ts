import { describe, expect, it } from 'vitest';
import { T0, domain, expectError, setup, type Caller } from './helpers.ts';

const create = (call: Caller, name: string, extra: object = {}) =>
  call('CreateDomainLayout', {
    DomainName: 'dom', LayoutDefinitionName: name, Description: `about ${name}`, DisplayName: `Layout ${name}`,
    LayoutType: 'PROFILE_EXPLORER', Layout: '{"Type":"Board"}', ...extra,
  });
const get = (call: Caller, name: string) => call('GetDomainLayout', { DomainName: 'dom', LayoutDefinitionName: name });

function base(options = {}) {
  const ctx = setup({ options });
  domain(ctx.call);
  return ctx;
}

describe('CreateDomainLayout', () => {
  it('returns the layout with a Version, IsDefault false by default and both timestamps at the clock', () => {
    const { call } = base();
    const out = create(call, 'main', { Tags: { a: '1' } });
    expect(out).toEqual({
      LayoutDefinitionName: 'main', Description: 'about main', DisplayName: 'Layout main', IsDefault: false,
      LayoutType: 'PROFILE_EXPLORER', Layout: '{"Type":"Board"}', Version: out.Version,
      CreatedAt: new Date(T0), LastUpdatedAt: new Date(T0), Tags: { a: '1' },
    });
    expect(out.Version).toMatch(/^[0-9a-f]{16}$/);
  });

  it('round-trips a 2,000,000-character Layout byte for byte', () => {
    const { call } = base();
    const unit = '{"k":"é😀\\u0000"}';
    const layout = unit.repeat(Math.floor(2_000_000 / unit.length)) + 'x'.repeat(2_000_000 % unit.length);
    expect(layout.length).toBe(2_000_000);
    create(call, 'big', { Layout: layout });
    expect(get(call, 'big').Layout === layout).toBe(true);
  });

  it('throws BadRequestException naming Layout given 2,000,001 characters', () => {
    const { call } = base();
    expectError(() => create(call, 'big', { Layout: 'x'.repeat(2_000_001) }), 'BadRequestException', /Layout/);
  });

  it('throws BadRequestException and leaves the original unchanged given a duplicate name', () => {
    const { call, clock } = base();
    const original = create(call, 'main');
    clock.advance({ ms: 1000 });
    expectError(() => create(call, 'main', { Description: 'other', IsDefault: true }), 'BadRequestException', /already exists/);
    expect(get(call, 'main')).toEqual(original);
  });

  it.each([
    ['LayoutType', { LayoutType: 'OTHER' }],
    ['DisplayName', { DisplayName: '1starts-with-digit' }],
    ['Description', { Description: undefined }],
  ])('throws BadRequestException naming %s given a bad value', (member, extra) => {
    const { call } = base();
    expectError(() => create(call, 'x', extra), 'BadRequestException', new RegExp(member));
  });

  it('throws ResourceNotFoundException given an unknown domain', () => {
    const { call } = setup();
    expectError(() => create(call, 'x'), 'ResourceNotFoundException');
  });
});

describe('GetDomainLayout', () => {
  it('returns what Create returned', () => {
    const { call } = base();
    const out = create(call, 'main');
    expect(get(call, 'main')).toEqual(out);
  });

  it('throws ResourceNotFoundException given an unknown layout', () => {
    const { call } = base();
    expectError(() => get(call, 'nope'), 'ResourceNotFoundException', /nope/);
  });
});

describe('UpdateDomainLayout', () => {
  it('changes only the given members, a new Version, CreatedAt fixed and LastUpdatedAt moved', () => {
    const { call, clock } = base();
    const created = create(call, 'main', { IsDefault: true, Tags: { a: '1' } });
    clock.advance({ ms: 3000 });
    const out = call('UpdateDomainLayout', { DomainName: 'dom', LayoutDefinitionName: 'main', DisplayName: 'Renamed' });
    expect(out).toEqual({ ...created, DisplayName: 'Renamed', Version: out.Version, LastUpdatedAt: new Date(T0 + 3000) });
    expect(out.Version).not.toBe(created.Version);
    expect(out.IsDefault).toBe(true);
    expect(get(call, 'main')).toEqual(out);
  });

  it('gives a new Version on each update, even with nothing to change, and keeps LastUpdatedAt given a stalled or backward clock', () => {
    const { call, clock } = base();
    clock.advance({ ms: 5000 });
    const versions = new Set([create(call, 'main').Version]);
    for (let i = 0; i < 5; i += 1) versions.add(call('UpdateDomainLayout', { DomainName: 'dom', LayoutDefinitionName: 'main' }).Version);
    expect(versions.size).toBe(6);
    clock.set({ ms: T0 });
    const out = call('UpdateDomainLayout', { DomainName: 'dom', LayoutDefinitionName: 'main', IsDefault: true });
    expect(out.LastUpdatedAt).toEqual(new Date(T0 + 5000));
  });

  it('throws ResourceNotFoundException given an unknown layout', () => {
    const { call } = base();
    expectError(() => call('UpdateDomainLayout', { DomainName: 'dom', LayoutDefinitionName: 'nope' }), 'ResourceNotFoundException');
  });

  it('throws BadRequestException naming LayoutType given a value outside the enum, changing nothing', () => {
    const { call } = base();
    const created = create(call, 'main');
    expectError(() => call('UpdateDomainLayout', { DomainName: 'dom', LayoutDefinitionName: 'main', Description: 'new', LayoutType: 'X' }), 'BadRequestException', /LayoutType/);
    expect(get(call, 'main')).toEqual(created);
  });
});

describe('IsDefault across layouts', () => {
  it('keeps both layouts default given secondDefaultClearsFirst off', () => {
    const { call } = base({ secondDefaultClearsFirst: false });
    create(call, 'a', { IsDefault: true });
    create(call, 'b', { IsDefault: true });
    expect([get(call, 'a').IsDefault, get(call, 'b').IsDefault]).toEqual([true, true]);
  });

  it('clears the first default given the default options (one default per domain, as documented), on create and on update', () => {
    const { call } = base();
    const a = create(call, 'a', { IsDefault: true });
    create(call, 'b', { IsDefault: true });
    expect([get(call, 'a').IsDefault, get(call, 'b').IsDefault]).toEqual([false, true]);
    expect(get(call, 'a').Version).toBe(a.Version);
    call('UpdateDomainLayout', { DomainName: 'dom', LayoutDefinitionName: 'a', IsDefault: true });
    expect([get(call, 'a').IsDefault, get(call, 'b').IsDefault]).toEqual([true, false]);
  });
});

describe('DeleteDomainLayout', () => {
  it('returns a Message and removes the layout', () => {
    const { call } = base();
    create(call, 'main');
    expect(call('DeleteDomainLayout', { DomainName: 'dom', LayoutDefinitionName: 'main' })).toEqual({ Message: 'Layout main was deleted' });
    expectError(() => get(call, 'main'), 'ResourceNotFoundException');
  });

  it('throws ResourceNotFoundException given an unknown layout', () => {
    const { call } = base();
    expectError(() => call('DeleteDomainLayout', { DomainName: 'dom', LayoutDefinitionName: 'main' }), 'ResourceNotFoundException');
  });
});

describe('ListDomainLayouts', () => {
  it('returns items without Layout and Version, ordered by name, paginated', () => {
    const { call } = base();
    for (const name of ['c', 'a', 'b']) create(call, name);
    const first = call('ListDomainLayouts', { DomainName: 'dom', MaxResults: 2 });
    expect(first.Items[0]).toEqual({
      LayoutDefinitionName: 'a', Description: 'about a', DisplayName: 'Layout a', IsDefault: false,
      LayoutType: 'PROFILE_EXPLORER', Tags: {}, CreatedAt: new Date(T0), LastUpdatedAt: new Date(T0),
    });
    expect(first.Items.map((i: { LayoutDefinitionName: string }) => i.LayoutDefinitionName)).toEqual(['a', 'b']);
    const second = call('ListDomainLayouts', { DomainName: 'dom', MaxResults: 2, NextToken: first.NextToken });
    expect(second.Items.map((i: { LayoutDefinitionName: string }) => i.LayoutDefinitionName)).toEqual(['c']);
    expect(second.NextToken).toBeUndefined();
  });

  it('throws BadRequestException given a token from another domain', () => {
    const { call } = base();
    domain(call, 'other');
    for (const name of ['a', 'b']) create(call, name);
    const token = call('ListDomainLayouts', { DomainName: 'dom', MaxResults: 1 }).NextToken;
    expectError(() => call('ListDomainLayouts', { DomainName: 'other', NextToken: token }), 'BadRequestException', /NextToken/);
  });
});
