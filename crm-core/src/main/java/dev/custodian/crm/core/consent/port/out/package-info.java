/** Out-ports of the consent feature: purposes, the ledger with its subject links, restrictions, the address hash. */
package dev.custodian.crm.core.consent.port.out;
