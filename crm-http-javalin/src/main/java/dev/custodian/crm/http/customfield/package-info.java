/** The custom field definition routes, behind CustomFieldApi. */
package dev.custodian.crm.http.customfield;
