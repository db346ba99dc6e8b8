export { APPROVAL_SUSPENSION, approvalRequestNode } from './approval/request/request.node.ts';
export { nodeDefinitions, registry } from './registry.ts';
export { lintGraph } from './lint/index.ts';
export { connectorHttpNode } from './connector/http/http.node.ts';
export { dataCodeNode } from './data/code/code.node.ts';
export { dataSetNode } from './data/set/set.node.ts';
export { flowIfNode } from './flow/if/if.node.ts';
export { flowJoinNode } from './flow/join/join.node.ts';
export { flowSwitchNode } from './flow/switch/switch.node.ts';
export { flowWaitNode } from './flow/wait/wait.node.ts';
export { policyValidateNode } from './policy/validate/validate.node.ts';
export { policyDecisionTableNode } from './policy/decision-table/decision-table.node.ts';
export { policyDuplicateCheckNode } from './policy/duplicate-check/duplicate-check.node.ts';
export { damerauLevenshtein, isDistanceOne } from './policy/duplicate-check/damerau-levenshtein.ts';
export { createDuplicateIndex, type DuplicateIndex } from './policy/duplicate-check/duplicate-index.ts';
export {
  DEFAULT_DUPLICATE_CHECK_SETTINGS,
  type DuplicateCheckOptions,
  type DuplicateClass,
  type DuplicateFinding,
  type DuplicateRule,
  type DuplicateVerdict,
  type InvoiceFacts,
} from './policy/duplicate-check/duplicate-types.ts';
export { classify, findDuplicates } from './policy/duplicate-check/find-duplicates.ts';
export { normaliseInvoiceNumber } from './policy/duplicate-check/normalise-invoice-number.ts';
export { triggerManualNode } from './trigger/manual/manual.node.ts';
export { triggerWebhookNode } from './trigger/webhook/webhook.node.ts';
export {
  FAKE_NOW,
  fakeContext,
  fakeInvoiceHistory,
  fakeHttp,
  fakeLogger,
  fakeSandbox,
  type FakeContextOverrides,
  type FakeInvoiceHistory,
  type FakeHttp,
  type FakeLogger,
  type FakeSandbox,
} from './testing/fake-context.ts';
export { runNode } from './testing/run-node.ts';
