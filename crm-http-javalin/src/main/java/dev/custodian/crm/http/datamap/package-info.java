/** HTTP adapter: the published data map (RET-12, DSR-02). */
package dev.custodian.crm.http.datamap;
