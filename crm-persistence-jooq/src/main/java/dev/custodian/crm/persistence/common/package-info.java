/** The adapter's shared kit: transactions bound to one workspace, keyset paging, error recognition, time. */
package dev.custodian.crm.persistence.common;
