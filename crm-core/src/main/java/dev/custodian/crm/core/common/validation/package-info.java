/** The validator that collects every input error of a request, and shared text rules. */
package dev.custodian.crm.core.common.validation;
