/** Wiring of the library's entry point, the clock and the id generator. */
package dev.custodian.crm.app.core;
