import { useState } from 'react';

/** Entries of an object or array shown before a "Show all" button. */
export const JSON_ENTRY_LIMIT = 100;
/** Characters of a string shown before a "Show all" button. */
export const JSON_STRING_LIMIT = 400;

function isContainer(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

function JsonScalar({ value }: { value: unknown }) {
  const [full, setFull] = useState(false);
  if (typeof value === 'string') {
    const long = value.length > JSON_STRING_LIMIT && !full;
    return (
      <span className="cs-json__string">
        "{long ? `${value.slice(0, JSON_STRING_LIMIT)}…` : value}"
        {long ? (
          <button type="button" className="cs-json__more" onClick={() => setFull(true)}>
            Show all {value.length} characters
          </button>
        ) : null}
      </span>
    );
  }
  if (value === undefined) return <span className="cs-json__empty">(none)</span>;
  return <span className={`cs-json__${value === null ? 'null' : typeof value}`}>{String(value)}</span>;
}

function JsonNode({ name, value, depth, openDepth }: { name: string; value: unknown; depth: number; openDepth: number }) {
  const [open, setOpen] = useState(depth < openDepth);
  const [limit, setLimit] = useState(JSON_ENTRY_LIMIT);
  if (!isContainer(value)) {
    return (
      <div className="cs-json__leaf">
        <span className="cs-json__key">{name}:</span> <JsonScalar value={value} />
      </div>
    );
  }
  const entries: [string, unknown][] = Array.isArray(value) ? value.map((item: unknown, index) => [String(index), item]) : Object.entries(value);
  const summary = Array.isArray(value) ? `[${entries.length}]` : `{${entries.length}}`;
  return (
    <details className="cs-json__node" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>
        <span className="cs-json__key">{name}</span> <span className="cs-json__count">{summary}</span>
      </summary>
      {/* Children render only while open, so a large closed value costs nothing. */}
      {open ? (
        <ul className="cs-json__children">
          {entries.slice(0, limit).map(([key, item]) => (
            <li key={key}>
              <JsonNode name={key} value={item} depth={depth + 1} openDepth={openDepth} />
            </li>
          ))}
          {entries.length > limit ? (
            <li>
              <button type="button" className="cs-json__more" onClick={() => setLimit(entries.length)}>
                Show all {entries.length} entries
              </button>
            </li>
          ) : null}
        </ul>
      ) : null}
    </details>
  );
}

/** A JSON value as a tree of <details> (keyboard-usable), large arrays, objects and strings cut with "Show all". */
export function JsonTree({ value, name, openDepth = 1 }: { value: unknown; name: string; openDepth?: number }) {
  return (
    <div className="cs-json">
      <JsonNode name={name} value={value} depth={0} openDepth={openDepth} />
    </div>
  );
}
