export { createRuntime, type Runtime, type RuntimeOptions } from './create-runtime.ts';
export { connectDatabase, type Database, type DatabaseOptions, type Dialect } from './db/connect.ts';
export { Engine, type EngineOptions, type StartRunRequest } from './engine/engine.ts';
export { deriveIdempotencyKey } from './engine/execute-step.ts';
export { createIvmSandbox } from './sandbox/ivm-sandbox.ts';
export type { ExpressionSandbox, ExpressionScope, SandboxLimits } from './sandbox/expression-sandbox.ts';
export { loadEnv, type Env } from './config/env.ts';
export { createLogger } from './logging/logger.ts';
export { decodeWebhookSecret, signWebhook, verifyWebhookSignature, type WebhookEvent, type WebhookHeaders } from './notifications/index.ts';
