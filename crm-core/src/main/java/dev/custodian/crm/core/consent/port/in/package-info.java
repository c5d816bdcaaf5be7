/** In-ports of the consent feature: purposes, the ledger, restrictions and the guard's answers. */
package dev.custodian.crm.core.consent.port.in;
