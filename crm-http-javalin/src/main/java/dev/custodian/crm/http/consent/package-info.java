/** HTTP adapter of the consent feature: purposes, the ledger, proof and restrictions. */
package dev.custodian.crm.http.consent;
