/** Wiring of the contact feature. */
package dev.custodian.crm.app.contact;
