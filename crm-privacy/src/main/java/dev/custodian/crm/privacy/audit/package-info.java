/**
 * The audit trail's seal: the canonical encoding, the per-chain HMAC, the per-account subject keys
 * that encrypt personal fields, and {@link dev.custodian.crm.privacy.audit.ChainedAuditLog}, the
 * core's {@code AuditLog} over an {@code AuditStore}.
 */
package dev.custodian.crm.privacy.audit;
