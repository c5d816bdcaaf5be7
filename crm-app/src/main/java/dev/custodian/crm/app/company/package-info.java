/** Wiring of the company feature. */
package dev.custodian.crm.app.company;
