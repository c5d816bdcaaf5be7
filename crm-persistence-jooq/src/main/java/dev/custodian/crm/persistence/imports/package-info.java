/** The tables of imports: jobs, staged rows, error rows, and the platform-level queue. */
package dev.custodian.crm.persistence.imports;
