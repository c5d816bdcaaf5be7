/** Wiring of the custom field feature. */
package dev.custodian.crm.app.customfield;
