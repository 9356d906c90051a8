import { BadRequestException, ResourceNotFoundException } from './errors.ts';
import { tagsOutput } from './tags.ts';
import { listPage, readTags, requireDomain, stamp, toDate, type Handler, type ServiceContext } from './context.ts';
import { compareNames } from './domains.ts';
import { LAYOUT_TYPES, RULES, type DomainState, type LayoutState } from './state.ts';
import type { OperationOutput } from './types.ts';

/**
 * Domain layouts (Profile Explorer). Version is an opaque string that changes on every create and update;
 * CreatedAt never changes; LastUpdatedAt moves to the clock's time on update but never backwards. With
 * `secondDefaultClearsFirst` (on by default, as the admin guide documents), making one layout the default clears IsDefault on the others.
 */

/** CreateDomainLayout: a new layout; a name already in use is a BadRequestException and changes nothing. */
export const createDomainLayout: Handler = ({ ctx, input }) => {
  const domain = requireDomain({ ctx, input });
  const name = input.str({ member: 'LayoutDefinitionName', ...RULES.name });
  const description = input.str({ member: 'Description', ...RULES.text });
  const displayName = input.str({ member: 'DisplayName', ...RULES.displayName });
  const isDefault = input.optBool({ member: 'IsDefault' }) ?? false;
  const layoutType = input.enumValue({ member: 'LayoutType', values: LAYOUT_TYPES });
  const layout = input.str({ member: 'Layout', ...RULES.layout });
  const tags = readTags({ input });
  if (domain.layouts.has(name)) throw new BadRequestException(`Layout ${name} already exists in domain ${domain.name}`);
  const now = ctx.clock.now();
  const state: LayoutState = {
    name, description, displayName, isDefault, layoutType, layout,
    version: nextVersion({ ctx }),
    createdAt: now,
    lastUpdatedAt: now,
    tags: tags ?? new Map(),
  };
  domain.layouts.set(name, state);
  if (isDefault) clearOtherDefaults({ ctx, domain, keep: name });
  return layoutOutput({ layout: state });
};

/** GetDomainLayout: the stored layout, Layout byte for byte. */
export const getDomainLayout: Handler = ({ ctx, input }) => {
  const domain = requireDomain({ ctx, input });
  return layoutOutput({ layout: requireLayout({ domain, name: input.str({ member: 'LayoutDefinitionName', ...RULES.name }) }) });
};

/** UpdateDomainLayout: changes the members given; absent members (IsDefault included) keep their value. */
export const updateDomainLayout: Handler = ({ ctx, input }) => {
  const domain = requireDomain({ ctx, input });
  const layout = requireLayout({ domain, name: input.str({ member: 'LayoutDefinitionName', ...RULES.name }) });
  const description = input.optStr({ member: 'Description', ...RULES.text });
  const displayName = input.optStr({ member: 'DisplayName', ...RULES.displayName });
  const isDefault = input.optBool({ member: 'IsDefault' });
  const layoutType = input.optEnum({ member: 'LayoutType', values: LAYOUT_TYPES });
  const body = input.optStr({ member: 'Layout', ...RULES.layout });
  if (description !== undefined) layout.description = description;
  if (displayName !== undefined) layout.displayName = displayName;
  if (isDefault !== undefined) layout.isDefault = isDefault;
  if (layoutType !== undefined) layout.layoutType = layoutType;
  if (body !== undefined) layout.layout = body;
  layout.version = nextVersion({ ctx });
  layout.lastUpdatedAt = stamp({ ctx, previous: layout.lastUpdatedAt });
  if (isDefault === true) clearOtherDefaults({ ctx, domain, keep: layout.name });
  return layoutOutput({ layout });
};

/** DeleteDomainLayout: removes the layout. */
export const deleteDomainLayout: Handler = ({ ctx, input }) => {
  const domain = requireDomain({ ctx, input });
  const layout = requireLayout({ domain, name: input.str({ member: 'LayoutDefinitionName', ...RULES.name }) });
  domain.layouts.delete(layout.name);
  return { Message: `Layout ${layout.name} was deleted` };
};

/** ListDomainLayouts: summaries (no Layout, no Version) ordered by LayoutDefinitionName. */
export const listDomainLayouts: Handler = ({ ctx, input }) => {
  const domain = requireDomain({ ctx, input });
  const all = [...domain.layouts.values()].sort((a, b) => compareNames(a.name, b.name));
  const page = listPage({ ctx, input, operation: 'ListDomainLayouts', scopeParts: [domain.name], all });
  return {
    Items: page.items.map((l) => ({
      LayoutDefinitionName: l.name,
      Description: l.description,
      DisplayName: l.displayName,
      IsDefault: l.isDefault,
      LayoutType: l.layoutType,
      Tags: tagsOutput({ tags: l.tags }),
      CreatedAt: toDate(l.createdAt),
      LastUpdatedAt: toDate(l.lastUpdatedAt),
    })),
    NextToken: page.nextToken,
  };
};

/** The layout named `name`, or ResourceNotFoundException. */
export function requireLayout({ domain, name }: { domain: DomainState; name: string }): LayoutState {
  const layout = domain.layouts.get(name);
  if (!layout) throw new ResourceNotFoundException(`Layout ${name} does not exist in domain ${domain.name}`);
  return layout;
}

/** A fresh opaque version: instance-unique, so every update changes it. */
function nextVersion({ ctx }: { ctx: ServiceContext }): string {
  return ctx.ids.hex32({ kind: 'layout-version' }).slice(0, 16);
}

/** With secondDefaultClearsFirst on, only `keep` stays default; the others keep their Version and LastUpdatedAt. */
function clearOtherDefaults({ ctx, domain, keep }: { ctx: ServiceContext; domain: DomainState; keep: string }): void {
  if (!ctx.options.secondDefaultClearsFirst) return;
  for (const layout of domain.layouts.values()) if (layout.name !== keep) layout.isDefault = false;
}

function layoutOutput({ layout }: { layout: LayoutState }): OperationOutput {
  return {
    LayoutDefinitionName: layout.name,
    Description: layout.description,
    DisplayName: layout.displayName,
    IsDefault: layout.isDefault,
    LayoutType: layout.layoutType,
    Layout: layout.layout,
    Version: layout.version,
    CreatedAt: toDate(layout.createdAt),
    LastUpdatedAt: toDate(layout.lastUpdatedAt),
    Tags: tagsOutput({ tags: layout.tags }),
  };
}
