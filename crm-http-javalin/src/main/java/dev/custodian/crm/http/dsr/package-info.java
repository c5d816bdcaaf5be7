/** HTTP adapter of data-subject requests: the workspace's privacy administration routes and the packages' public one-time download. */
package dev.custodian.crm.http.dsr;
