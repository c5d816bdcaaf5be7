/** HTTP adapter of data-subject packages: the public one-time download. */
package dev.custodian.crm.http.dsr;
