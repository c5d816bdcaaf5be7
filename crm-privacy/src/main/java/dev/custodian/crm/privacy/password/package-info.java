/** Password policy data the core does not carry: the list of common passwords behind the core's {@code CommonPasswords} port. */
package dev.custodian.crm.privacy.password;
