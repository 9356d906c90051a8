/** Writes a report the way every two-view report of the CLI is kept: `<name>.json` for machines, `<name>.md` for people. */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ensureDir } from './fs-dirs.ts';

/** Writes `value` as `<dir>/<name>.json` (2-space JSON, final newline) and `markdown` as `<dir>/<name>.md`; returns both paths. */
export async function writeJsonAndMarkdown({ dir, name, value, markdown }: { dir: string; name: string; value: unknown; markdown: string }): Promise<{ json: string; md: string }> {
  await ensureDir({ dir });
  const json = path.join(dir, `${name}.json`);
  const md = path.join(dir, `${name}.md`);
  await writeFile(json, `${JSON.stringify(value, null, 2)}\n`, 'utf8');
  await writeFile(md, markdown, 'utf8');
  return { json, md };
}
