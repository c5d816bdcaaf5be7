/** Persistence adapter of the consent feature: purposes, the append-only ledger and its subjects, restrictions. */
package dev.custodian.crm.persistence.consent;
