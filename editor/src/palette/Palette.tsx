import { useMemo, type DragEvent, type KeyboardEvent } from 'react';
import type { NodeTypeInfo } from '@countersign/shared';
import { categoryTitle, categoryToken } from '../canvas/categories.ts';
import { CategoryIcon } from '../canvas/CategoryIcon.tsx';
import { NODE_TYPE_MIME, usePlaceNode } from '../canvas/use-place-node.ts';
import { useEditorStore, useEditorStoreApi } from '../store/editor-context.tsx';
import { paletteGroups } from './palette-groups.ts';
import './palette.css';

/** The node palette: search, groups by category; drag an item onto the canvas, or click / Enter to add it at the centre. */
export function Palette() {
  const store = useEditorStoreApi();
  const types = useEditorStore((state) => state.nodeTypeList);
  const query = useEditorStore((state) => state.paletteQuery);
  const readOnly = useEditorStore((state) => state.readOnly);
  const groups = useMemo(() => paletteGroups(types, query), [types, query]);
  const place = usePlaceNode();

  const onDragStart = (event: DragEvent, info: NodeTypeInfo): void => {
    event.dataTransfer.setData(NODE_TYPE_MIME, info.type);
    event.dataTransfer.effectAllowed = 'copy';
    store.getState().dispatchMode('placeStart');
  };
  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'Escape') store.getState().setPaletteQuery('');
    if (event.key === 'Enter') {
      const first = groups[0]?.items[0];
      if (first && !readOnly) place.atViewportCentre(first.type);
    }
  };

  return (
    <aside className="cs-palette" aria-label="Node palette">
      <div className="cs-palette__search">
        <input
          className="cs-input"
          type="search"
          placeholder="Search nodes…"
          aria-label="Search nodes"
          value={query}
          onChange={(event) => store.getState().setPaletteQuery(event.target.value)}
          onKeyDown={onSearchKey}
        />
      </div>
      <div className="cs-palette__groups">
        {groups.length === 0 ? <p className="cs-palette__empty cs-muted">{types.length === 0 ? 'Loading node types…' : `No node matches “${query}”.`}</p> : null}
        {groups.map((group) => {
          const title = categoryTitle(group.category);
          return (
            <section key={group.category} className={`cs-palette__group cs-palette__group--${categoryToken(group.category)}`} aria-label={title}>
              <h3 className="cs-palette__heading">{title}</h3>
              <ul className="cs-palette__list">
                {group.items.map((info) => (
                  <li key={info.type}>
                    <button
                      type="button"
                      className="cs-palette__item"
                      draggable={!readOnly}
                      disabled={readOnly}
                      onDragStart={(event) => onDragStart(event, info)}
                      onDragEnd={() => store.getState().dispatchMode('placeEnd')}
                      onClick={() => place.atViewportCentre(info.type)}
                      title={`${info.description}\nDrag onto the canvas, or click to add.`}
                      data-node-type={info.type}
                    >
                      <span className="cs-palette__icon">
                        <CategoryIcon category={group.category} />
                      </span>
                      <span className="cs-palette__text">
                        <span className="cs-palette__title">{info.title}</span>
                        <span className="cs-palette__desc">{info.description}</span>
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      </div>
    </aside>
  );
}
