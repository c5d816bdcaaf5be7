/** The erasure routes, behind ErasureApi. */
package dev.custodian.crm.http.erasure;
