/** Who a service call acts for: every query is scoped to `tenantId`; `id` is recorded as author. */
export interface Actor {
  id: string;
  tenantId: string;
}
