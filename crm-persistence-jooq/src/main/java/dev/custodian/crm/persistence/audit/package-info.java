/** Persistence adapter of the audit trail: entries of both chains, heads and subject keys. */
package dev.custodian.crm.persistence.audit;
