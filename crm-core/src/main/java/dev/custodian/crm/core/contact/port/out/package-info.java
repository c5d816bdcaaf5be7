/** Out-ports of the contact feature: the contact repository and the suppression list every intake asks. */
package dev.custodian.crm.core.contact.port.out;
