/** What completion knows about the selected node's surroundings. */
export interface ExpressionContext {
  /** Labels of the nodes upstream of the selected node (what `$node["..."]` may read). */
  upstreamLabels: string[];
  /** Known field names of `$input` (may be empty). */
  inputFields: string[];
}
