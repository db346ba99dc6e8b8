import type { EvidencePack } from '@countersign/shared';

const escape = (value: unknown): string =>
  String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
const json = (value: unknown): string => `<pre>${escape(JSON.stringify(value, null, 2))}</pre>`;
const rows = (cells: unknown[][]): string => cells.map((r) => `<tr>${r.map((c) => `<td>${escape(c)}</td>`).join('')}</tr>`).join('');

/** A printable HTML view of an evidence pack (every value escaped; no script). */
export function renderEvidenceHtml(pack: EvidencePack): string {
  const v = pack.version;
  const r = pack.run;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Evidence: run ${escape(r.id)}</title>
<style>body{font:14px/1.45 system-ui,sans-serif;margin:2rem;color:#111}h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:2rem;border-bottom:1px solid #ccc}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #ddd;padding:4px 6px;text-align:left;vertical-align:top}pre{background:#f6f6f6;padding:8px;white-space:pre-wrap;font-size:12px}
@media print{h2{break-after:avoid}}</style></head><body>
<h1>Evidence pack — ${escape(pack.workflow.name)}, run ${escape(r.id)}</h1>
<p>Tenant ${escape(pack.tenant.name)} · generated ${escape(pack.generatedAt)} · chain verified at generation: ${pack.audit.verifiedAtGeneration.ok ? 'intact' : `BROKEN at event ${escape(pack.audit.verifiedAtGeneration.firstBadSeq)}`} (${escape(pack.audit.verifiedAtGeneration.checked)} events)</p>
<h2>Version</h2><table><tbody>${rows([
    ['Version', v.version], ['Hash', v.hash], ['Status', v.status], ['Author', `${v.createdBy} at ${v.createdAt}`], ['Submitted', `${v.submittedBy ?? '—'} at ${v.submittedAt ?? '—'}`],
    ['Approved', `${v.reviewedBy ?? '—'} at ${v.reviewedAt ?? '—'}${v.reviewComment ? ` (“${v.reviewComment}”)` : ''}`], ['Published', `${v.publishedBy ?? '—'} at ${v.publishedAt ?? '—'}`],
  ])}</tbody></table>
<h2>Run</h2><table><tbody>${rows([['Status', r.status], ['Trigger', r.trigger], ['Test run', r.isTest ? 'yes' : 'no'], ['Requested by', r.requestedBy ?? '—'], ['Created', r.createdAt], ['Finished', r.finishedAt ?? '—']])}</tbody></table>
<h3>Input</h3>${json(r.input)}
<h2>Steps</h2><table><thead><tr><th>Step</th><th>Type</th><th>Status</th><th>Port</th><th>Attempt</th><th>Finished</th></tr></thead><tbody>${rows(pack.steps.map((s) => [s.label, s.type, s.status, s.port ?? '', s.attempt, s.finishedAt ?? '']))}</tbody></table>
<h2>Approval decisions</h2><table><thead><tr><th>Level</th><th>Assignee</th><th>Status</th><th>Decided by</th><th>On behalf of</th><th>At</th><th>Comment</th></tr></thead><tbody>${rows(pack.decisions.map((d) => [d.level, d.assigneeId, d.status, d.decidedBy ?? '', d.onBehalfOf ?? '', d.at ?? '', d.comment ?? '']))}</tbody></table>
<h2>Policy evaluations</h2>${pack.policyEvaluations.map((p) => `<h3>${escape(p.label)} (${escape(p.type)}) → ${escape(p.port)}</h3>${json(p.output)}`).join('')}
<h2>Audit events of the run</h2><table><thead><tr><th>#</th><th>At</th><th>Actor</th><th>Action</th><th>Target</th><th>Hash</th></tr></thead><tbody>${rows(
    pack.audit.segment.filter((e) => 'action' in e).map((e) => ('action' in e ? [e.seq, e.occurredAt, `${e.actor.type}:${e.actor.id}${e.actor.onBehalfOf ? ` for ${e.actor.onBehalfOf}` : ''}`, e.action, `${e.target.type}:${e.target.id}`, e.hash] : [])),
  )}</tbody></table>
<p>Chain head at generation: event ${escape(pack.audit.head.seq)}, ${escape(pack.audit.head.hash)}. Verify offline with the JSON form: <code>pnpm verify-evidence evidence.json</code>.</p>
</body></html>`;
}
