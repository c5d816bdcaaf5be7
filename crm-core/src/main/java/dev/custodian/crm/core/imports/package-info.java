/**
 * Imports (issue 27): a CSV file's rows staged as one job, then created or updated in batches by
 * workers, duplicates and suppressed identifiers counted; the job and its error rows name lines and
 * fields, never a value of the file.
 */
package dev.custodian.crm.core.imports;
