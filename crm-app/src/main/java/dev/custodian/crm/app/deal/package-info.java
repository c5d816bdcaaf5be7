/** Wiring of the deal feature. */
package dev.custodian.crm.app.deal;
