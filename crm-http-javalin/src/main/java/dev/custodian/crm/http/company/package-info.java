/** The company routes, behind CompanyApi. */
package dev.custodian.crm.http.company;
