import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../harness/run/options.ts';

// The CI workflow users copy: parsed with PyYAML when python3 has it, else checked line by line (no YAML parser is
// a dependency of the project). Both paths check that every `npm run X` it calls is a script of package.json.
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const WORKFLOW = path.join(ROOT, '.github', 'workflows', 'conformance.yml');
const text = readFileSync(WORKFLOW, 'utf8');
const scripts = Object.keys((JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts);
const hasPyYaml = spawnSync('python3', ['-c', 'import yaml'], { stdio: 'ignore' }).status === 0;

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Job {
  'runs-on': string;
  needs?: string | string[];
  if?: string;
  steps: Step[];
  strategy?: { matrix?: Record<string, unknown[]> };
}

function parseYaml(): { on: unknown; jobs: Record<string, Job> } {
  const json = execFileSync('python3', ['-c', 'import json,sys,yaml; d=yaml.safe_load(sys.stdin); d["on"]=d.pop(True, d.get("on")); print(json.dumps(d))'], { input: text, encoding: 'utf8', timeout: 10_000 });
  return JSON.parse(json) as { on: unknown; jobs: Record<string, Job> };
}

/** Every `npm run <script>` in the file, comments excluded. */
function npmRuns(source: string): string[] {
  const code = source
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('#'))
    .join('\n');
  return [...new Set([...code.matchAll(/npm run ([A-Za-z0-9:_-]+)/g)].map((m) => m[1]))].sort();
}

describe('.github/workflows/conformance.yml', () => {
  it('calls only npm scripts that package.json defines', () => {
    const used = npmRuns(text);
    expect(used).toEqual(['conformance', 'coverage', 'mock', 'test:package', 'test:selftest']);
    expect(used.filter((s) => !scripts.includes(s))).toEqual([]);
  });

  it('returns a valid mode for every conformance command it runs (matrix values and the nightly seed filled in)', () => {
    const commands = text
      .split('\n')
      .filter((line) => !line.trimStart().startsWith('#'))
      .flatMap((line) => [...line.matchAll(/npm run conformance -- (.+)$/g)].map((m) => m[1].replaceAll('${{ matrix.shard }}', '2').replaceAll('"$(date -u +%Y%m%d)"', '20261207')));
    expect(commands.length).toBe(5);
    const kinds = commands.map((args) => parseCliArgs({ argv: args.trim().split(/\s+/), cwd: ROOT }).kind);
    expect(kinds.sort()).toEqual(['merge', 'run', 'run', 'run', 'run']);
  });

  it('uses no tab characters (YAML forbids them for indentation)', () => {
    expect(text.includes('\t')).toBe(false);
  });

  it.skipIf(!hasPyYaml)('parses (PyYAML) into the test, replay, endpoint, coverage, shard, merge and fuzz jobs (skipped: python3 without PyYAML)', () => {
    const doc = parseYaml();
    expect(doc.on).toBeTruthy();
    expect(Object.keys(doc.jobs).sort()).toEqual(['coverage', 'endpoint', 'fuzz', 'merge', 'replay', 'shard', 'test']);
    for (const [name, job] of Object.entries(doc.jobs)) {
      expect(job['runs-on'], name).toBe('ubuntu-latest');
      expect(job.steps[0].uses, name).toBe('actions/checkout@v4');
      expect(job.steps.some((s) => s.run === 'npm ci'), name).toBe(true);
    }
    const runs = (job: string) => doc.jobs[job].steps.map((s) => s.run ?? '').join('\n');
    expect(runs('test')).toContain('npm test');
    expect(runs('replay')).toContain('npm run conformance -- --replay');
    expect(runs('endpoint')).toMatch(/npm run mock -- --port 4566 .*&/);
    expect(runs('endpoint')).toContain("grep -q 'listening on http://'");
    expect(runs('endpoint')).toContain('npm run conformance -- --endpoint http://127.0.0.1:4566');
    expect(doc.jobs.shard.strategy?.matrix?.shard).toEqual([1, 2]);
    expect(runs('shard')).toContain('--shard ${{ matrix.shard }}/2');
    expect(doc.jobs.merge.needs).toBe('shard');
    expect(runs('merge')).toContain('npm run conformance -- --merge reports/shards/conformance-shard-1 reports/shards/conformance-shard-2');
    expect(runs('fuzz')).toMatch(/npm run conformance -- --grep ROBUST- --fuzz 200 /);
    expect(doc.jobs.fuzz.if).toContain("github.event_name == 'schedule'");
    const uploads = Object.entries(doc.jobs).filter(([, job]) => job.steps.some((s) => s.uses === 'actions/upload-artifact@v4')).map(([name]) => name);
    expect(uploads.sort()).toEqual(['coverage', 'endpoint', 'fuzz', 'merge', 'replay', 'shard']);
  });

  it('has, line by line, top-level name, on and jobs, and each job a runs-on and steps', () => {
    const topLevel = text.split('\n').filter((l) => /^[a-z]/.test(l)).map((l) => l.split(':')[0]);
    expect(topLevel).toEqual(expect.arrayContaining(['name', 'on', 'jobs']));
    const jobsAt = text.split('\n').findIndex((l) => l === 'jobs:');
    const jobLines = text.split('\n').slice(jobsAt + 1);
    const jobs = jobLines.filter((l) => /^ {2}[a-z][a-z0-9_-]*:$/.test(l)).map((l) => l.trim().slice(0, -1));
    expect(jobs).toEqual(['test', 'replay', 'endpoint', 'coverage', 'shard', 'merge', 'fuzz']);
    expect(jobLines.filter((l) => /^ {4}runs-on: /.test(l))).toHaveLength(jobs.length);
    expect(jobLines.filter((l) => l === '    steps:')).toHaveLength(jobs.length);
  });
});
