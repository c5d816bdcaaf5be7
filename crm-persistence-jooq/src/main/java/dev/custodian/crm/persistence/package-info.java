/** The PostgreSQL adapter's entry point, {@link dev.custodian.crm.persistence.JooqPersistence}. */
package dev.custodian.crm.persistence;
