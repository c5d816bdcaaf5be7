/** The retention engine (RET-03, RET-12): the data map's rules carried out, tenant by tenant, in short batches. */
package dev.custodian.crm.privacy.retention;
