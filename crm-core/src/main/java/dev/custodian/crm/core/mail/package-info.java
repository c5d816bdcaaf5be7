/**
 * Mail to account holders: the closed list of templates (CON-05), the one-time mail tokens
 * (verification, password reset) and the queued mail of the outbox. Nothing else depends on it but
 * the use cases that enqueue mail.
 */
package dev.custodian.crm.core.mail;
