/** Persistence adapter of data-subject requests: {@code dsr_requests} and their append-only {@code dsr_events}. */
package dev.custodian.crm.persistence.dsr;
