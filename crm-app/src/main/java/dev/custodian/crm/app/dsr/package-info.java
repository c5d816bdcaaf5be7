/** Wiring of data-subject requests. */
package dev.custodian.crm.app.dsr;
