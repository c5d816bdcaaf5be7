/** Services of the audit trail. */
package dev.custodian.crm.privacy.audit.service;
