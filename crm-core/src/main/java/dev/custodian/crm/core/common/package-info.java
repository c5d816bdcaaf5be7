/** What every feature shares: time at the database's precision, the email address (contacts and accounts have one), and the sub-packages for errors, paging, patches, validation and capability ports. */
package dev.custodian.crm.core.common;
