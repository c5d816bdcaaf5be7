/** The companies table behind the company repository. */
package dev.custodian.crm.persistence.company;
