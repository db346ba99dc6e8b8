import type { EmbedRestrictions, UserDto } from '@countersign/shared';
import { can } from '@countersign/shared';
import type { ThemeOverrides } from '../theme/theme.ts';
import type { WorkflowEditorEvent } from '../WorkflowEditor.tsx';

/** What a host page passes to `Countersign.mountEditor(element, options)`. */
export interface MountEditorOptions {
  /** Where the runtime is mounted: `/countersign`, or `https://portal.example/countersign`. */
  baseUrl: string;
  /** socket.io path on that server (default: the base URL's path + `/socket.io`). */
  socketPath?: string;
  /** An embed token the host's server signed for its signed-in user. */
  token: string;
  /** Asked for a new token when the runtime refuses the current one (embed tokens live minutes). */
  getToken?: () => Promise<string>;
  /** The workflow to open; without it a list of the tenant's workflows is shown first. */
  workflowId?: string;
  /** The partner's branding: product name, logo, colours, font, radius. */
  theme?: ThemeOverrides;
  /** Read-only whatever the token allows (the token's own restriction applies too). */
  readOnly?: boolean;
  /** Node categories the palette offers (narrowed further by the token's restriction). */
  allowedCategories?: string[];
  /** The stylesheet of the script-tag build (default: countersign-editor.css beside the script). */
  cssUrl?: string;
  onEvent?(event: WorkflowEditorEvent | { type: 'opened'; workflowId: string }): void;
}

/** The socket.io path of a runtime mounted at `baseUrl`: `<path of baseUrl>/socket.io`. */
export function defaultSocketPath(baseUrl: string): string {
  const path = new URL(baseUrl || '/', globalThis.location?.href ?? 'http://localhost/').pathname.replace(/\/+$/, '');
  return `${path}/socket.io`;
}

/** What the session may do, from the host's options, the token's restrictions and the user's roles. */
export function effectiveRestrictions(options: Pick<MountEditorOptions, 'readOnly' | 'allowedCategories'>, user: UserDto): { readOnly: boolean; allowedCategories?: string[] } {
  const token: EmbedRestrictions = user.restrictions ?? {};
  const readOnly = options.readOnly === true || token.readOnly === true || !can(user.roles, 'workflow.write');
  const lists = [options.allowedCategories, token.nodeCategories].filter((list): list is string[] => list !== undefined);
  if (lists.length === 0) return { readOnly };
  const [first = [], ...rest] = lists;
  return { readOnly, allowedCategories: first.filter((category) => rest.every((list) => list.includes(category))) };
}
