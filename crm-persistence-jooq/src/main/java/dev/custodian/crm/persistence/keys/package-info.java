/** The one-row table of the master key's check value. */
package dev.custodian.crm.persistence.keys;
