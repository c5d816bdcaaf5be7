/**
 * The retention engine's model (RET-03, RET-12): the steps it deletes in, the rows a run finds
 * due, its report and the history of its runs.
 */
package dev.custodian.crm.core.retention;
