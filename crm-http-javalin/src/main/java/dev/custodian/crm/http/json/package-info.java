/** The one strict Jackson configuration of the API. */
package dev.custodian.crm.http.json;
