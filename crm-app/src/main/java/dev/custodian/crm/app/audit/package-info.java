/** Wiring of the audit trail. */
package dev.custodian.crm.app.audit;
