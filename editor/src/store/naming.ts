/** The short name of a node type used in ids: its last dotted segment (`connector.http` -> `http`). */
export function shortTypeName(type: string): string {
  const last = type.split('.').at(-1) ?? 'node';
  return last.replace(/[^A-Za-z0-9_-]/g, '') || 'node';
}

/**
 * A new node id for a type: `<short>-<n>` with n one more than the highest in use for that short
 * name, so a deleted node's id is not handed to a new node while runs may still mention it.
 */
export function nextNodeId(type: string, existing: ReadonlySet<string>): string {
  const prefix = `${shortTypeName(type)}-`;
  let highest = 0;
  for (const id of existing) {
    if (!id.startsWith(prefix)) continue;
    const n = Number(id.slice(prefix.length));
    if (Number.isInteger(n) && n > highest) highest = n;
  }
  let candidate = highest + 1;
  while (existing.has(`${prefix}${candidate}`)) candidate += 1;
  return `${prefix}${candidate}`;
}

/** `label` when unused, else the label with the lowest free number appended (`HTTP request 2`). */
export function uniqueLabel(label: string, existing: ReadonlySet<string>): string {
  const trimmed = label.trim() || 'Node';
  if (!existing.has(trimmed)) return trimmed;
  const base = /^(.*\S) \d+$/.exec(trimmed)?.[1] ?? trimmed;
  for (let n = 2; ; n += 1) {
    const candidate = `${base} ${n}`;
    if (!existing.has(candidate)) return candidate;
  }
}

/** An edge id derived from its ends (readable in issues and run events), made unique. */
export function edgeId(source: string, sourcePort: string, target: string, targetPort: string, existing: ReadonlySet<string>): string {
  const base = `${source}.${sourcePort}-${target}${targetPort === 'in' ? '' : `.${targetPort}`}`.replace(/[^A-Za-z0-9_.-]/g, '_');
  if (!existing.has(base)) return base;
  for (let n = 2; ; n += 1) if (!existing.has(`${base}-${n}`)) return `${base}-${n}`;
}
