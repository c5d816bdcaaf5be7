/** Keyset paging: page requests, opaque cursors and pages, in PostgreSQL's order of uuids. */
package dev.custodian.crm.core.common.paging;
