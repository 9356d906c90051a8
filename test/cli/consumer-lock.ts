/**
 * A lockfile for a fresh project that installs the packed tarball, derived from this project's own lockfile: the
 * packages the tarball and the project's direct dependencies reach, at the same places in node_modules. With it,
 * `npm ci --offline` installs from the npm cache alone (a CI's `npm ci` filled it with these very tarballs), where a
 * plain `npm install` would need registry metadata the cache does not hold.
 */

type LockEntry = {
  version?: string;
  resolved?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  dev?: boolean;
  devOptional?: boolean;
  peer?: boolean;
  [key: string]: unknown;
};

export interface Lockfile {
  name?: string;
  version?: string;
  lockfileVersion: number;
  requires?: boolean;
  packages: Record<string, LockEntry>;
}

/** Where node would find `name` from the package at `from` (a lockfile key): its own node_modules, then upwards. */
function resolveIn(packages: Record<string, LockEntry>, from: string, name: string): string | undefined {
  let base = from;
  // Bounded by the nesting depth of `from`.
  for (let i = 0; i < 64; i++) {
    const key = base === '' ? `node_modules/${name}` : `${base}/node_modules/${name}`;
    if (packages[key]) return key;
    if (base === '') return undefined;
    const cut = base.lastIndexOf('/node_modules/');
    base = cut < 0 ? '' : base.slice(0, cut);
  }
  return undefined;
}

/**
 * The consumer's lockfile: `own` is this project's lockfile, `pkg` its package.json, `tarball` the dependency spec
 * of the packed file (e.g. `file:../x.tgz`) and `integrity` its sha512; `extra` are the consumer's other direct
 * dependencies (each must be at the top of `own`, at the same version).
 */
export function consumerLockfile({ own, pkg, tarball, integrity, extra, registry = 'https://registry.npmjs.org/' }: {
  own: Lockfile;
  pkg: { name: string; version: string; dependencies?: Record<string, string>; peerDependencies?: Record<string, string>; bin?: Record<string, string>; license?: string };
  tarball: string;
  integrity: string;
  extra: Record<string, string>;
  /** Where the tarballs were fetched from (only their URLs in the lockfile use it). */
  registry?: string;
}): Lockfile {
  const keep = new Set<string>();
  const queue: string[] = [];
  const visit = (from: string, deps: Record<string, string> | undefined, skip?: (name: string) => boolean) => {
    for (const name of Object.keys(deps ?? {})) {
      if (skip?.(name)) continue;
      const key = resolveIn(own.packages, from, name);
      if (key && !keep.has(key)) {
        keep.add(key);
        queue.push(key);
      }
    }
  };
  visit('', pkg.dependencies);
  visit('', pkg.peerDependencies);
  visit('', extra);
  // Breadth-first over the reachable set; each key enters the queue once, so this ends.
  while (queue.length > 0) {
    const key = queue.shift()!;
    const e = own.packages[key];
    visit(key, e.dependencies);
    visit(key, e.optionalDependencies);
    visit(key, e.peerDependencies, (name) => e.peerDependenciesMeta?.[name]?.optional === true);
  }
  const packages: Record<string, LockEntry> = {
    '': { name: 'cpct-consumer', version: '1.0.0', dependencies: { [pkg.name]: tarball, ...extra } },
    [`node_modules/${pkg.name}`]: {
      version: pkg.version,
      resolved: tarball,
      integrity,
      license: pkg.license,
      dependencies: pkg.dependencies,
      peerDependencies: pkg.peerDependencies,
      bin: pkg.bin,
    },
  };
  for (const key of [...keep].sort()) {
    const { dev: _dev, devOptional, peer: _peer, ...entry } = own.packages[key];
    // Flags describe how this project reached the package; in the consumer every kept one is a (possibly optional) dependency.
    const name = key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length);
    // Lockfiles written with omit-lockfile-registry-resolved carry no tarball URL; without one npm would ask the
    // registry for metadata. With URL and integrity it takes the tarball from the cache by its digest.
    const resolved = entry.resolved ?? `${registry.replace(/\/?$/, '/')}${name}/-/${name.split('/').pop()}-${entry.version}.tgz`;
    packages[key] = { ...entry, resolved, ...(devOptional ? { optional: true } : {}) };
  }
  return { name: 'cpct-consumer', version: '1.0.0', lockfileVersion: 3, requires: true, packages };
}
