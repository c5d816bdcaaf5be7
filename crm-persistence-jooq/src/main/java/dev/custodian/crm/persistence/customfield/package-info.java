/** Persistence adapter of the custom field feature: definitions with their options. */
package dev.custodian.crm.persistence.customfield;
