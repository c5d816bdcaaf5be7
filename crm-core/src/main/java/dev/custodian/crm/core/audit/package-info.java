/**
 * The audit trail: append-only, hash-chained entries of who did what (SEC-09). One chain per
 * workspace and one platform chain. Entries hold no free text: their details take only counts,
 * ids, enum names and field names; an actor's personal fields (email, IP, user agent) are stored
 * only encrypted under a key of that account, destroyed when the account is forgotten (RET-08).
 * This package depends on no feature, so every feature may record into it.
 */
package dev.custodian.crm.core.audit;
