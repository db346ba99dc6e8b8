import { createNodeRegistry, type AnyNodeDefinition } from '@countersign/shared';
import { approvalRequestNode } from './approval/request/request.node.ts';
import { connectorHttpNode } from './connector/http/http.node.ts';
import { dataCodeNode } from './data/code/code.node.ts';
import { dataSetNode } from './data/set/set.node.ts';
import { flowIfNode } from './flow/if/if.node.ts';
import { flowJoinNode } from './flow/join/join.node.ts';
import { flowSwitchNode } from './flow/switch/switch.node.ts';
import { flowWaitNode } from './flow/wait/wait.node.ts';
import { policyDecisionTableNode } from './policy/decision-table/decision-table.node.ts';
import { policyDuplicateCheckNode } from './policy/duplicate-check/duplicate-check.node.ts';
import { policyValidateNode } from './policy/validate/validate.node.ts';
import { triggerManualNode } from './trigger/manual/manual.node.ts';
import { triggerWebhookNode } from './trigger/webhook/webhook.node.ts';

/** Every node type version Countersign ships, in palette order; old versions stay listed so old graphs run. */
export const nodeDefinitions = [
  triggerManualNode,
  triggerWebhookNode,
  flowIfNode,
  flowSwitchNode,
  flowJoinNode,
  flowWaitNode,
  dataSetNode,
  dataCodeNode,
  connectorHttpNode,
  approvalRequestNode,
  policyValidateNode,
  policyDecisionTableNode,
  policyDuplicateCheckNode,
] satisfies readonly AnyNodeDefinition[];

/** The registry the runtime and graph validation look node types up in. */
export const registry = createNodeRegistry(nodeDefinitions);
