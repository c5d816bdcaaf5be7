/** Wiring of data-subject packages. */
package dev.custodian.crm.app.dsr;
