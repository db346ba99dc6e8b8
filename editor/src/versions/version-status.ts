import { can, type Permission, type VersionDto } from '@countersign/shared';

/** A version's lifecycle status. */
export type VersionStatus = VersionDto['status'];

/** How each status reads, with a glyph so it never depends on colour alone. */
export const VERSION_STATUS_META: Record<VersionStatus, { label: string; icon: string }> = {
  draft: { label: 'Draft', icon: '✎' },
  in_review: { label: 'In review', icon: '◔' },
  approved: { label: 'Approved', icon: '✓' },
  published: { label: 'Published', icon: '●' },
  rejected: { label: 'Rejected', icon: '✕' },
};

/** Who looks at the versions: their id and roles (unknown in an embedding host that passes neither). */
export interface VersionViewer {
  userId?: string | undefined;
  roles?: readonly string[] | undefined;
}

/** Whether the viewer may do something; an embedder that does not pass roles sees every action and the runtime decides. */
export function viewerCan(viewer: VersionViewer, permission: Permission): boolean {
  return viewer.roles === undefined || can(viewer.roles, permission);
}

/** Whether the viewer wrote (or submitted) the version: four eyes keep them from approving it. */
export function isAuthor(version: Pick<VersionDto, 'createdBy' | 'submittedBy'>, viewer: VersionViewer): boolean {
  return viewer.userId !== undefined && (version.createdBy === viewer.userId || version.submittedBy === viewer.userId);
}

/** "you" for the viewer, else the user id as the runtime recorded it. */
export function who(userId: string | null, viewer: VersionViewer, nameOf: (id: string) => string = (id) => id): string {
  if (userId === null) return 'someone';
  return userId === viewer.userId ? 'you' : nameOf(userId);
}

/** A short local date and time. */
export function when(iso: string): string {
  return new Date(iso).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' });
}
