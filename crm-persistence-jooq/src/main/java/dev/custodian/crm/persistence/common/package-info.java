/** The adapter's shared kit: transactions bound to one workspace and their statement counter, keyset paging, error recognition, time. */
package dev.custodian.crm.persistence.common;
