/** Persistence adapter of data-subject requests: {@code dsr_requests} and their append-only {@code dsr_events}, and the package store (V28). */
package dev.custodian.crm.persistence.dsr;
