/** The contacts table behind the contact repository. */
package dev.custodian.crm.persistence.contact;
