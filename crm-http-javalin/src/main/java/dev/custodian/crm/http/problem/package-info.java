/** The one table from exceptions to problem+json answers. */
package dev.custodian.crm.http.problem;
