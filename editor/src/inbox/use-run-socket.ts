import { useEffect, useState } from 'react';
import { createSocketClient, useConnectionState, type SocketClient } from '../runs/index.ts';

/** A run socket for the page's lifetime (null until created); calls `onUnauthorized` when the token is refused. */
export function useRunSocket(token: string, onUnauthorized: () => void): SocketClient | null {
  const [socket, setSocket] = useState<SocketClient | null>(null);
  useEffect(() => {
    const client = createSocketClient({ baseUrl: '', token });
    setSocket(client);
    return () => client.close();
  }, [token]);
  const connection = useConnectionState(socket);
  useEffect(() => {
    if (connection === 'unauthorized') onUnauthorized();
  }, [connection, onUnauthorized]);
  return socket;
}
