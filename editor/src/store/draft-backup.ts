import type { GraphInput } from '@countersign/shared';
import type { DraftStorage } from './editor-deps.ts';

/** A local copy of a draft the runtime has not stored yet (refused as invalid, or not sent before a crash). */
export interface DraftBackup {
  graph: GraphInput;
  /** When the copy was written, in ms since the epoch. */
  writtenAt: number;
}

const key = (workflowId: string): string => `countersign.draft.${workflowId}`;

/** Reads, writes and clears the local copy of one workflow's draft; storage errors (quota, private mode) are ignored. */
export function draftBackup(storage: DraftStorage | null, workflowId: string) {
  return {
    read(): DraftBackup | null {
      try {
        const text = storage?.getItem(key(workflowId));
        if (!text) return null;
        const value: unknown = JSON.parse(text);
        if (typeof value !== 'object' || value === null) return null;
        const { graph, writtenAt } = value as Partial<DraftBackup>;
        if (typeof writtenAt !== 'number' || typeof graph !== 'object' || graph === null) return null;
        return { graph, writtenAt };
      } catch {
        return null;
      }
    },
    write(graph: GraphInput, writtenAt: number): void {
      try {
        storage?.setItem(key(workflowId), JSON.stringify({ graph, writtenAt } satisfies DraftBackup));
      } catch {
        // The runtime copy and the in-memory state still exist; the backup is only a safety net.
      }
    },
    clear(): void {
      try {
        storage?.removeItem(key(workflowId));
      } catch {
        // See write().
      }
    },
  };
}

/** The local draft copy of one workflow. */
export type DraftBackupStore = ReturnType<typeof draftBackup>;
