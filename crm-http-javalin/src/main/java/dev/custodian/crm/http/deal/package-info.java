/** The deal routes, behind DealApi. */
package dev.custodian.crm.http.deal;
