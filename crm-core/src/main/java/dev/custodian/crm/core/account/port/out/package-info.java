/** Out-ports of the account feature: the account repository, the password hasher and the common-password list. */
package dev.custodian.crm.core.account.port.out;
