export { AuditActorSchema, AuditEventSchema, AuditTargetSchema, GENESIS_HASH, type AuditActor, type AuditEntry, type AuditEvent, type AuditTarget } from './audit-event.ts';
export { auditHashInput, hashAuditEvent, verifyAuditChain, type ChainVerification } from './audit-chain.ts';
export { ChainLinkSchema, EvidencePackSchema, verifyEvidencePack, type EvidenceCheck, type EvidencePack } from './evidence-pack.ts';
