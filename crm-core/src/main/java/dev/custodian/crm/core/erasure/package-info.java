/** Erasure at a person's request: receipts, suppression entries, and the ErasureParticipant plug-in every store of personal data implements. */
package dev.custodian.crm.core.erasure;
