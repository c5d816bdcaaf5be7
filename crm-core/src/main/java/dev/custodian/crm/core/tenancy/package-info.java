/** Tenancy, shared by every feature: workspace ids, transactions bound to one workspace, and list queries. */
package dev.custodian.crm.core.tenancy;
