/** The adapter's shared kit: reading path ids, entity tags, paging parameters and JSON bodies into one validator. */
package dev.custodian.crm.http.common;
