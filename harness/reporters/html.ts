/**
 * index.html: one self-contained page (inline CSS and JS, no external assets, opens from disk) with the run's
 * target, versions and seed, the counts, a coloured contract x operation grid with each contract's evidence, filters
 * by status and area, each failure expandable to its expected / seen, the evidence it rests on (linked when a URL),
 * its response warnings and the exchange that showed it, then the run's warnings and the evidence cited. The rows are rendered here, so the page
 * reads without JavaScript; the script only filters. Filters round-trip through the URL hash
 * (`index.html#status=fail&area=layouts`) so a link can point at a view.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { EvidenceRef } from '../evidence/register.ts';
import type { ConformanceReport } from '../run/report.ts';
import type { ApiCoverage } from './api-coverage.ts';
import {
  citationParts,
  exchangeView,
  failureExchange,
  orderOperations,
  reportRows,
  STATUSES,
  type ExchangesByContract,
  type ReportRow,
  type RowExtras,
  WARNINGS_NOTE,
} from './common.ts';
import { ensureDir } from '../fs-dirs.ts';

/** Escapes text for HTML element content and double-quoted attributes. */
export function htmlEscape({ text }: { text: string }): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** JSON safe inside a <script> element: no `</script>`, `<!--` or line separators can end or confuse it. */
export function scriptJson({ value }: { value: unknown }): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

const e = (text: string | number) => htmlEscape({ text: String(text) });

const CSS = `
body{font:14px/1.4 system-ui,-apple-system,Segoe UI,sans-serif;margin:1.5rem;color:#1b1f24;background:#fff}
h1{font-size:1.4rem;margin:0 0 .5rem}h2{font-size:1.15rem;margin:1.5rem 0 .5rem}
dl.meta{display:grid;grid-template-columns:max-content auto;gap:.15rem 1rem;margin:0 0 1rem}dl.meta dt{font-weight:600}dl.meta dd{margin:0}
.counts span{display:inline-block;padding:.2rem .6rem;margin-right:.4rem;border-radius:4px;font-weight:600}
.warn{background:#ffe8cc;color:#7a3d00}.pass{background:#d7f5dd;color:#0f5323}.fail{background:#ffd9d9;color:#8a1010}.na{background:#e6e8eb;color:#3a4048}.skip{background:#fff0c2;color:#6b4e00}
fieldset{display:inline-block;border:1px solid #ccd;border-radius:4px;margin:0 .5rem .5rem 0;padding:.3rem .6rem}
fieldset label{margin-right:.6rem;white-space:nowrap}
table{border-collapse:collapse}th,td{border:1px solid #dde;padding:.15rem .35rem;vertical-align:top}
#grid th.op{writing-mode:vertical-rl;transform:rotate(180deg);font-weight:500;font-size:12px;white-space:nowrap}
#grid td.cell{text-align:center;min-width:1.1rem}#grid td.title{max-width:28rem}
tr[hidden],details[hidden]{display:none}
details.failure{border:1px solid #f0b4b4;border-radius:4px;margin:.4rem 0;padding:.3rem .6rem}
details.failure summary{cursor:pointer;font-weight:600}
pre{background:#f6f8fa;padding:.5rem;overflow:auto;max-height:24rem;white-space:pre-wrap;word-break:break-word}
.cov td.num{text-align:right}
ul.refs{margin:0;padding-left:1.1rem}td.evidence small,ul.refs small{color:#57606a}
`;

// The page script: reads the filter from the hash, shows matching rows and failures, and keeps the counts true.
const SCRIPT = `
(function(){
  var data = JSON.parse(document.getElementById('cpct-data').textContent);
  var boxes = function(name){ return Array.prototype.slice.call(document.querySelectorAll('input[name="'+name+'"]')); };
  function fromHash(){
    var params = new URLSearchParams(location.hash.replace(/^#/, ''));
    ['status','area'].forEach(function(name){
      if (!params.has(name)) return;
      var wanted = params.get(name).split(',').filter(Boolean);
      boxes(name).forEach(function(b){ b.checked = wanted.indexOf(b.value) >= 0; });
    });
  }
  function chosen(name){ return boxes(name).filter(function(b){ return b.checked; }).map(function(b){ return b.value; }); }
  function apply(write){
    var statuses = chosen('status'), areas = chosen('area');
    var show = function(el){ return statuses.indexOf(el.getAttribute('data-status')) >= 0 && areas.indexOf(el.getAttribute('data-area')) >= 0; };
    Array.prototype.forEach.call(document.querySelectorAll('[data-row]'), function(el){ el.hidden = !show(el); });
    var counts = {pass:0, fail:0, na:0, skip:0}, shown = 0;
    data.results.forEach(function(r){
      if (statuses.indexOf(r.status) >= 0 && areas.indexOf(r.area) >= 0) { counts[r.status] += 1; shown += 1; }
    });
    Object.keys(counts).forEach(function(s){ document.getElementById('shown-'+s).textContent = String(counts[s]); });
    document.getElementById('shown').textContent = String(shown);
    document.body.setAttribute('data-filter', 'status=' + statuses.join(',') + '&area=' + areas.join(','));
    if (write) history.replaceState(null, '', '#status=' + statuses.join(',') + '&area=' + areas.join(','));
  }
  boxes('status').concat(boxes('area')).forEach(function(b){ b.addEventListener('change', function(){ apply(true); }); });
  document.getElementById('only-failures').addEventListener('click', function(){
    boxes('status').forEach(function(b){ b.checked = b.value === 'fail'; }); apply(true);
  });
  document.getElementById('show-all').addEventListener('click', function(){
    boxes('status').concat(boxes('area')).forEach(function(b){ b.checked = true; }); apply(true);
  });
  window.addEventListener('hashchange', function(){ fromHash(); apply(false); });
  fromHash(); apply(false);
})();
`;

/** An evidence reference in full: id, kind, the citation linked when it is an http(s) URL, and the location. */
function evidenceFull(ref: EvidenceRef): string {
  const { target, location, href } = citationParts({ where: ref.where });
  const cited = href ? `<a href="${e(href)}">${e(target)}</a>` : `<code>${e(target)}</code>`;
  return `<code>${e(ref.id)}</code> <small>${e(ref.kind)}</small> ${cited}${location !== undefined ? ` (${e(location)})` : ''}`;
}

/** An evidence reference in a grid cell: the id (linked when the citation is a URL) and the kind, the citation as a tooltip. */
function evidenceShort(ref: EvidenceRef): string {
  const { href } = citationParts({ where: ref.where });
  const id = href ? `<a href="${e(href)}" title="${e(ref.where)}">${e(ref.id)}</a>` : `<span title="${e(ref.where)}">${e(ref.id)}</span>`;
  return `${id} <small>${e(ref.kind)}</small>`;
}

function gridRow({ row, operations }: { row: ReportRow; operations: string[] }): string {
  const touched = new Set(row.operations);
  const cells = operations
    .map((op) => (touched.has(op) ? `<td class="cell ${row.status}" title="${e(`${op}: ${row.status}`)}">●</td>` : '<td class="cell"></td>'))
    .join('');
  const evidence = row.evidence.length === 0 ? '<small>none cited</small>' : row.evidence.map(evidenceShort).join('<br>');
  const warnings = row.warnings.length === 0 ? '<td class="warnings"></td>' : `<td class="warnings warn" title="${e(row.warnings.join('\n'))}">${row.warnings.length}</td>`;
  return `<tr data-row data-id="${e(row.id)}" data-status="${row.status}" data-area="${e(row.area)}"><td><code>${e(row.id)}</code></td><td class="title">${e(row.title)}</td><td>${e(row.area)}</td><td class="${row.status}">${row.status}</td><td>${e(row.level)}</td><td class="evidence">${evidence}</td>${warnings}${cells}</tr>`;
}

function failureBlock({ row, exchanges }: { row: ReportRow; exchanges?: ExchangesByContract }): string {
  const parts = [
    `<details class="failure" data-row data-id="${e(row.id)}" data-status="fail" data-area="${e(row.area)}">`,
    `<summary><code>${e(row.id)}</code> ${e(row.title)}</summary>`,
    `<dl class="meta"><dt>area</dt><dd>${e(row.area)}</dd><dt>level</dt><dd>${e(row.level)}</dd><dt>operations</dt><dd>${e(row.operations.join(', ') || '(none)')}</dd><dt>source</dt><dd>${e(row.source)}</dd>`,
    `<dt>evidence</dt><dd class="evidence">${row.evidence.length === 0 ? 'none cited' : `<ul class="refs">${row.evidence.map((ref) => `<li>${evidenceFull(ref)}</li>`).join('')}</ul>`}</dd>`,
    row.warnings.length === 0 ? '' : `<dt>response warnings</dt><dd class="warnings"><ul class="refs">${row.warnings.map((w) => `<li><code>${e(w)}</code></li>`).join('')}</ul></dd>`,
    `<dt>expected</dt><dd class="expected">${e(row.expected ?? '(see reason)')}</dd><dt>seen</dt><dd class="seen">${e(row.seen ?? '(see reason)')}</dd></dl>`,
    `<pre class="reason">${e(row.reason || '(no reason given)')}</pre>`,
  ];
  const exchange = failureExchange({ id: row.id, exchanges });
  if (exchange) {
    const v = exchangeView({ exchange });
    const headers = Object.entries(v.responseHeaders).map(([k, val]) => `${k}: ${val}`);
    parts.push(`<p>Last exchange (${e(v.operation)}):</p><pre class="request">${e(`${v.requestLine}\n\n${v.requestBody}`.trimEnd())}</pre>`);
    parts.push(`<pre class="response">${e([`HTTP ${v.status}`, ...headers, '', v.responseBody].join('\n').trimEnd())}</pre>`);
  }
  parts.push('</details>');
  return parts.filter(Boolean).join('\n');
}

function warningsBlock({ rows }: { rows: readonly ReportRow[] }): string {
  const warned = rows.filter((r) => r.warnings.length > 0);
  const total = warned.reduce((sum, r) => sum + r.warnings.length, 0);
  const head = `<h2>Response warnings (${total})</h2>\n<p>${e(WARNINGS_NOTE)}</p>`;
  if (total === 0) return `${head}\n<p>None.</p>`;
  const body = warned.flatMap((r) => r.warnings.map((w) => `<tr><td><code>${e(r.id)}</code></td><td class="${r.status}">${r.status}</td><td><code>${e(w)}</code></td></tr>`));
  return `${head}\n<table id="warnings"><thead><tr><th>contract</th><th>status</th><th>warning</th></tr></thead><tbody>${body.join('')}</tbody></table>`;
}

/** Every register entry the run's contracts cite, once, with the contracts citing it. */
function evidenceBlock({ rows }: { rows: readonly ReportRow[] }): string {
  const byId = new Map<string, { ref: EvidenceRef; ids: string[] }>();
  for (const r of rows) for (const ref of r.evidence) (byId.get(ref.id) ?? byId.set(ref.id, { ref, ids: [] }).get(ref.id)!).ids.push(r.id);
  const head = `<h2>Evidence cited (${byId.size})</h2>`;
  if (byId.size === 0) return `${head}\n<p>No contract of this run cites a register entry (specs/evidence).</p>`;
  const body = [...byId.values()]
    .sort((a, b) => (a.ref.id < b.ref.id ? -1 : 1))
    .map(({ ref, ids }) => `<tr><td>${evidenceFull(ref)}</td><td>${ids.map((id) => `<code>${e(id)}</code>`).join(' ')}</td></tr>`);
  return `${head}\n<table id="evidence"><thead><tr><th>entry</th><th>cited by</th></tr></thead><tbody>${body.join('')}</tbody></table>`;
}

function coverageBlock({ coverage }: { coverage: ApiCoverage }): string {
  const rows = (['operations', 'members', 'enumValues', 'errors'] as const).map((key) => {
    const c = coverage[key];
    const pct = c.total === 0 ? '100.0' : ((100 * c.covered) / c.total).toFixed(1);
    const missing = c.missing.length > 0 ? `<details><summary>${c.missing.length} missing</summary><pre>${e(c.missing.join('\n'))}</pre></details>` : 'none missing';
    return `<tr><td>${key}</td><td class="num">${c.covered}</td><td class="num">${c.total}</td><td class="num">${pct}%</td><td>${missing}</td></tr>`;
  });
  return `<h2>API coverage</h2><table class="cov"><thead><tr><th>what</th><th>covered</th><th>total</th><th>%</th><th>missing</th></tr></thead><tbody>${rows.join('')}</tbody></table>
<p>Errors count only what a client can provoke (BadRequestException, ResourceNotFoundException); AccessDenied, Throttling and InternalServer are left out.</p>`;
}

/** Builds index.html from the report; `results` adds areas / expected / seen, `coverage` the API coverage, `exchanges` the failing requests. */
export function buildHtml({ report, results, coverage, exchanges }: { report: ConformanceReport; results?: readonly RowExtras[]; coverage?: ApiCoverage; exchanges?: ExchangesByContract }): string {
  const rows = reportRows({ report, results });
  const operations = orderOperations({ operations: rows.flatMap((r) => r.operations) });
  const areas = [...new Set(rows.map((r) => r.area))].sort();
  const data = { target: report.target, startedAt: report.startedAt, sdkVersion: report.sdkVersion, seed: report.seed, summary: report.summary, results: rows.map(({ id, status, area, operations: ops }) => ({ id, status, area, operations: ops })), coverage: coverage ?? null };
  const failures = rows.filter((r) => r.status === 'fail');
  const statusBoxes = STATUSES.map((s) => `<label><input type="checkbox" name="status" value="${s}" checked> <span class="${s}">${s}</span></label>`).join('');
  const areaBoxes = areas.map((a) => `<label><input type="checkbox" name="area" value="${e(a)}" checked> ${e(a)}</label>`).join('');
  const counts = `${STATUSES.map((s) => `<span class="${s}">${s} <span id="count-${s}">${report.summary[s]}</span></span>`).join('')}<span class="warn">warnings <span id="count-warnings">${report.summary.warnings}</span></span>`;
  const shownCounts = STATUSES.map((s) => `${s} <span id="shown-${s}">${report.summary[s]}</span>`).join(', ');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Customer Profiles conformance: ${e(report.target)}</title>
<style>${CSS}</style>
</head>
<body>
<h1>Customer Profiles conformance</h1>
<dl class="meta">
<dt>target</dt><dd id="target">${e(report.target)}</dd>
<dt>started</dt><dd>${e(report.startedAt)}</dd>
<dt>SDK</dt><dd id="sdk-version">@aws-sdk/client-customer-profiles ${e(report.sdkVersion)}</dd>
<dt>seed</dt><dd id="seed">${e(report.seed)}</dd>
</dl>
<p class="counts">${counts}<span>total <span id="count-total">${rows.length}</span></span></p>
<h2>Contracts</h2>
<form id="filters" onsubmit="return false">
<fieldset><legend>status</legend>${statusBoxes}</fieldset>
<fieldset><legend>area</legend>${areaBoxes}</fieldset>
<button type="button" id="only-failures">only failures</button> <button type="button" id="show-all">show all</button>
</form>
<p>Showing <span id="shown">${rows.length}</span> of ${rows.length} contracts (${shownCounts}).</p>
<table id="grid">
<thead><tr><th>id</th><th>title</th><th>area</th><th>status</th><th>level</th><th>evidence</th><th>warnings</th>${operations.map((op) => `<th class="op" title="${e(op)}">${e(op)}</th>`).join('')}</tr></thead>
<tbody>
${rows.map((row) => gridRow({ row, operations })).join('\n')}
</tbody>
</table>
<h2>Failures (${failures.length})</h2>
${failures.length === 0 ? '<p>None.</p>' : failures.map((row) => failureBlock({ row, exchanges })).join('\n')}
${warningsBlock({ rows })}
${evidenceBlock({ rows })}
${coverage ? coverageBlock({ coverage }) : ''}
<script type="application/json" id="cpct-data">${scriptJson({ value: data })}</script>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

/** Writes index.html into `dir` (created if missing) and returns its path. */
export async function writeHtml({ html, dir }: { html: string; dir: string }): Promise<string> {
  await ensureDir({ dir });
  const file = path.join(dir, 'index.html');
  await writeFile(file, html, 'utf8');
  return file;
}
