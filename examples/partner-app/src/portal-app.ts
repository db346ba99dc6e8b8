import express from 'express';
import type { Runtime } from '@countersign/runtime';
import type { PortalConfig } from './config.ts';
import { signEmbedToken, type EmbedKey } from './embed-token.ts';
import { automationsPage, signInPage } from './pages.ts';
import type { Sessions } from './session.ts';
import { PORTAL_USERS, type createUserDirectory } from './users.ts';

/** What the portal app is made of. */
export interface PortalDeps {
  runtime: Runtime;
  config: PortalConfig;
  key: EmbedKey;
  users: ReturnType<typeof createUserDirectory>;
  sessions: Sessions;
}

/**
 * The Northwind Portal: its own sign-in and pages, and Countersign inside it. The runtime's router is
 * mounted under /countersign (socket.io is attached to the same HTTP server in main.ts); the page loads
 * the script-tag editor and gets embed tokens for the signed-in user from /embed/token.
 */
export function createPortalApp({ runtime, config, key, users, sessions }: PortalDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  const signedIn = (req: express.Request) => {
    const id = sessions.userOf(req);
    return id === undefined ? undefined : users.byId(id);
  };

  // 1. Countersign's API and webhooks, under a prefix of the portal.
  app.use('/countersign', runtime.router);
  // 2. The script-tag build of the editor (and its stylesheet).
  app.use('/assets', express.static(config.editorAssets, { maxAge: '1h' }));

  app.get('/login', (_req, res) => void res.type('html').send(signInPage({ users: PORTAL_USERS })));
  app.post('/login', express.urlencoded({ extended: false, limit: '4kb' }), (req, res) => {
    const body = req.body as Record<string, unknown> | undefined;
    const user = users.signIn(String(body?.['email'] ?? ''), String(body?.['password'] ?? ''));
    if (!user) return void res.status(401).type('html').send(signInPage({ error: 'Email or password is wrong', users: PORTAL_USERS }));
    sessions.start(res, user.id);
    res.redirect(303, '/');
  });
  app.post('/logout', (_req, res) => {
    sessions.end(res);
    res.redirect(303, '/login');
  });

  // 3. The portal vouches for its signed-in user: a short-lived embed token, signed by its embed key.
  app.get('/embed/token', async (req, res) => {
    const user = signedIn(req);
    if (!user) return void res.status(401).json({ error: 'Sign in to the portal first' });
    res.set('Cache-Control', 'no-store').json(await signEmbedToken(key, config.tenantId, user));
  });

  app.get('/', (req, res) => {
    const user = signedIn(req);
    if (!user) return void res.redirect(303, '/login');
    const workflow = typeof req.query['workflow'] === 'string' ? req.query['workflow'] : undefined;
    res.type('html').send(automationsPage(user, workflow));
  });
  return app;
}
