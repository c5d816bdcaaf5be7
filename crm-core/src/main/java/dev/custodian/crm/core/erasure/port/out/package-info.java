/** Out-ports of erasure: the stores of receipts and suppression entries. */
package dev.custodian.crm.core.erasure.port.out;
