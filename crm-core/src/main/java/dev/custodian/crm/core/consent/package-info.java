/**
 * Consent: a workspace's declared purposes of processing, the append-only ledger of what each
 * person said about each purpose, the states folded from it, restrictions, and the guard every
 * processing for a purpose asks first.
 */
package dev.custodian.crm.core.consent;
