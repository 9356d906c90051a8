import { describe, expect, it } from 'vitest';
import { consumerLockfile, type Lockfile } from './consumer-lock.ts';

const own: Lockfile = {
  lockfileVersion: 3,
  packages: {
    '': { name: 'me', version: '1.0.0' },
    'node_modules/a': { version: '1.0.0', dependencies: { b: '^1' }, peerDependencies: { ts: '*', p: '*' }, peerDependenciesMeta: { ts: { optional: true } } },
    'node_modules/b': { version: '1.0.0' },
    'node_modules/a/node_modules/b': { version: '2.0.0', dev: true },
    'node_modules/p': { version: '3.0.0', devOptional: true },
    'node_modules/ts': { version: '5.0.0', dev: true },
    'node_modules/@s/c': { version: '4.0.0', resolved: 'https://mirror.test/c.tgz', dev: true },
    'node_modules/dev-only': { version: '9.9.9', dev: true },
  },
};

describe('consumerLockfile', () => {
  it('returns the packages reached from the dependencies, nested ones where node finds them, without dev flags', () => {
    const lock = consumerLockfile({
      own,
      pkg: { name: 'me', version: '1.0.0', dependencies: { a: '1.0.0' }, bin: { me: 'bin/me.js' } },
      tarball: 'file:../me.tgz',
      integrity: 'sha512-x',
      extra: { '@s/c': '4.0.0' },
      registry: 'https://registry.test',
    });
    expect(Object.keys(lock.packages).sort()).toEqual(['', 'node_modules/@s/c', 'node_modules/a', 'node_modules/a/node_modules/b', 'node_modules/me', 'node_modules/p']);
    expect(lock.packages['']).toEqual({ name: 'cpct-consumer', version: '1.0.0', dependencies: { me: 'file:../me.tgz', '@s/c': '4.0.0' } });
    expect(lock.packages['node_modules/me']).toMatchObject({ resolved: 'file:../me.tgz', integrity: 'sha512-x', bin: { me: 'bin/me.js' } });
    expect(lock.packages['node_modules/a/node_modules/b']).toEqual({ version: '2.0.0', resolved: 'https://registry.test/b/-/b-2.0.0.tgz' });
    expect(lock.packages['node_modules/p']).toEqual({ version: '3.0.0', resolved: 'https://registry.test/p/-/p-3.0.0.tgz', optional: true });
    expect(lock.packages['node_modules/@s/c'].resolved).toBe('https://mirror.test/c.tgz');
  });
});
