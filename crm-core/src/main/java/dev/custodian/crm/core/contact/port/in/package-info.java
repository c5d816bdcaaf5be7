/** In-ports of the contact feature: use cases, their commands, and the ContactUseCases record. */
package dev.custodian.crm.core.contact.port.in;
