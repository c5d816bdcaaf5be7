/** Out-ports of mail: the token and outbox stores, the recipients' addresses and the mailer itself. */
package dev.custodian.crm.core.mail.port.out;
