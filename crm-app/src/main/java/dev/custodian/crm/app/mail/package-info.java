/** The Mailer adapters: SMTP with Jakarta Mail, and the embedded default's folder of .eml files. */
package dev.custodian.crm.app.mail;
