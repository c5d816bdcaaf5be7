/** In-ports of the custom field feature: use cases, their commands, and the CustomFieldUseCases record. */
package dev.custodian.crm.core.customfield.port.in;
