export {
  ERROR_PORT,
  NODE_CATEGORIES,
  createNodeRegistry,
  defineNode,
  emit,
  nodeTypeKey,
  outputPorts,
  routesErrors,
  type AnyNodeDefinition,
  type NodeCapability,
  type NodeCategory,
  type NodeDefinition,
  type NodeEffect,
  type NodeEmit,
  type NodePorts,
  type NodeRegistry,
  type NodeResult,
  type NodeSuspension,
} from './define-node.ts';
export type { CodeSandbox, HttpClient, HttpRequest, HttpResponse, NodeContext, NodeLogger } from './node-context.ts';
export type { HistoricInvoice, InvoiceFacts, InvoiceHistory } from './invoice-history.ts';
