/** The core of Custodian CRM in plain Java: features by package, each with its domain model, in-ports, out-ports and services; {@link dev.custodian.crm.core.Persistence} gathers the out-ports an adapter provides. */
package dev.custodian.crm.core;
