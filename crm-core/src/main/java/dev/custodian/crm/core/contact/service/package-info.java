/** Services of the contact feature and their factory, ContactServices. */
package dev.custodian.crm.core.contact.service;
