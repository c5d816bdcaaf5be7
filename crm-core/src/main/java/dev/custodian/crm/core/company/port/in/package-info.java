/** In-ports of the company feature: use cases, their commands, and the CompanyUseCases record. */
package dev.custodian.crm.core.company.port.in;
