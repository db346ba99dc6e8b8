import type { Knex } from 'knex';
import type { Logger } from 'pino';
import type { NodeRegistry } from '@countersign/shared';
import type { Auth } from '../auth/auth.ts';
import type { ApprovalNotifier } from '../approvals/approval-notifier.ts';
import type { Engine } from '../engine/engine.ts';
import type { CredentialStore } from '../credentials/index.ts';

/** What the HTTP API and the run socket are built from. */
export interface ApiDeps {
  knex: Knex;
  dialect: 'pglite' | 'postgres';
  engine: Engine;
  registry: NodeRegistry;
  auth: Auth;
  log: Logger;
  /** Where approval notifications are queued. */
  notifier: ApprovalNotifier;
  /** Sealed credentials (API management, webhook signing secrets). */
  credentials: CredentialStore;
}
