/** In-ports of the activity feature: use cases, their commands, and the ActivityUseCases record. */
package dev.custodian.crm.core.activity.port.in;
