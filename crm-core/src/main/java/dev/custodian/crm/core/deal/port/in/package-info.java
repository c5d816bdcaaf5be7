/** In-ports of the deal feature: use cases, their commands, and the DealUseCases record. */
package dev.custodian.crm.core.deal.port.in;
