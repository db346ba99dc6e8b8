import type { UserWithAuthorityDto } from '@countersign/shared';
import { useCallback, useEffect, useState } from 'react';
import type { ApiClient } from '../api/api-client.ts';

/** The tenant's users (for names and the delegate picker) and a lookup of a name by id (the id when unknown). */
export function useUsers(api: Pick<ApiClient, 'listUsers'>): { users: UserWithAuthorityDto[]; nameOf(userId: string): string } {
  const [users, setUsers] = useState<UserWithAuthorityDto[]>([]);
  useEffect(() => {
    let active = true;
    // Names are a nicety: without them the inbox shows ids.
    api.listUsers().then(
      (items) => active && setUsers(items),
      () => undefined,
    );
    return () => {
      active = false;
    };
  }, [api]);
  const nameOf = useCallback((userId: string) => users.find((user) => user.id === userId)?.name ?? userId, [users]);
  return { users, nameOf };
}
