/**
 * Custom fields: a workspace's own typed fields of contacts, companies and deals, with a
 * sensitive flag; their definitions here, their values with the records.
 */
package dev.custodian.crm.core.customfield;
