/** In-ports of the task feature: use cases, their commands, and the TaskUseCases record. */
package dev.custodian.crm.core.task.port.in;
