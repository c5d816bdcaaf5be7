/** Out-ports of the contact feature: the contact repository and the stores linking to contacts. */
package dev.custodian.crm.core.contact.port.out;
