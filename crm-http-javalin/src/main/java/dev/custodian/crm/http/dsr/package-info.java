/** HTTP adapter of data-subject requests: the workspace's privacy administration routes. */
package dev.custodian.crm.http.dsr;
