/** The audit trail's routes, behind AuditApi. */
package dev.custodian.crm.http.audit;
