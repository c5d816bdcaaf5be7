/** The REST adapter's entry point, {@link dev.custodian.crm.http.HttpApi}, made of one RouteGroup per feature. */
package dev.custodian.crm.http;
