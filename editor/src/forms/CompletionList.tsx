import { useEffect, useRef } from 'react';
import type { CompletionItem } from './completion.ts';

/** Props of {@link CompletionList}. */
export interface CompletionListProps {
  id: string;
  items: readonly CompletionItem[];
  active: number;
  onPick(index: number): void;
}

/** The id of the option at `index` of the listbox `listId` (for aria-activedescendant). */
export function optionId(listId: string, index: number): string {
  return `${listId}-option-${index}`;
}

/** The popup list of completions: an ARIA listbox driven from its input (focus never leaves the input). */
export function CompletionList({ id, items, active, onPick }: CompletionListProps) {
  const listRef = useRef<HTMLUListElement>(null);
  useEffect(() => {
    const option = listRef.current?.querySelector<HTMLElement>('[aria-selected="true"]');
    // jsdom has no scrollIntoView; browsers keep the active option visible.
    if (option !== null && option !== undefined && typeof option.scrollIntoView === 'function') option.scrollIntoView({ block: 'nearest' });
  }, [active]);
  return (
    <ul className="cs-completions" role="listbox" id={id} ref={listRef} aria-label="Completions">
      {items.map((item, index) => (
        <li
          key={item.label}
          id={optionId(id, index)}
          role="option"
          aria-selected={index === active}
          className="cs-completion"
          // Keep focus (and the caret) in the input while the mouse picks.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => onPick(index)}
        >
          <span className="cs-completion-label">{item.label}</span>
          {item.detail !== undefined && item.detail !== '' && <span className="cs-completion-detail">{item.detail}</span>}
        </li>
      ))}
    </ul>
  );
}
