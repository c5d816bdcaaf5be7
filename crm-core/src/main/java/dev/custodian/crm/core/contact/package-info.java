/** Contacts: the people a workspace keeps, with their value objects (personal data, never shown by toString). */
package dev.custodian.crm.core.contact;
