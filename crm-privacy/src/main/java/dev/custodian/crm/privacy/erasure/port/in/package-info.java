/** In-ports of erasure: erase a contact, list the receipts, and the ErasureUseCases record. */
package dev.custodian.crm.privacy.erasure.port.in;
