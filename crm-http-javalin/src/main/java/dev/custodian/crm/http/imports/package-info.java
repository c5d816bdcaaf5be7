/** The import routes: a streamed CSV upload, the jobs, their error rows. */
package dev.custodian.crm.http.imports;
