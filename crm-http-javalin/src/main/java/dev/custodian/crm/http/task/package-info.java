/** The task routes, behind TaskApi. */
package dev.custodian.crm.http.task;
