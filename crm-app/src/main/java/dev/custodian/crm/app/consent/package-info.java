/** Wiring of the consent feature. */
package dev.custodian.crm.app.consent;
