/** The data class of every column of the schema (RET-12), checked against the catalogue. */
package dev.custodian.crm.persistence.datamap;
