/** The mail_tokens and mail_outbox tables behind the mail token repository and the outbox. */
package dev.custodian.crm.persistence.mail;
