/**
 * Data-subject requests (GDPR Arts. 15-22, CCPA): a person's request received by a workspace, its
 * identity check, its 30-day deadline and its execution; states as types, an append-only history.
 */
package dev.custodian.crm.core.dsr;
