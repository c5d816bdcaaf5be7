/** Persistence adapter of tasks and their links. */
package dev.custodian.crm.persistence.task;
