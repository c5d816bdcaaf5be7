/** The mail dispatcher: from the outbox to the mailer, minting tokens as it sends. */
package dev.custodian.crm.core.mail.service;
