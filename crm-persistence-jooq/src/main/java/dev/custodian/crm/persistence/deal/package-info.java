/** Persistence adapter of the deal feature: deals, their contact links and their stage history. */
package dev.custodian.crm.persistence.deal;
