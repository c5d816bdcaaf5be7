/** The contact routes, behind ContactApi. */
package dev.custodian.crm.http.contact;
