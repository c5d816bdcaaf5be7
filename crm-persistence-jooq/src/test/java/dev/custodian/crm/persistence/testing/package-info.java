/** The PostgreSQL test harness: one server per test JVM and a migrated database per test class. */
package dev.custodian.crm.persistence.testing;
