/** An account holder's own copy of their data (DSR-01, DSR-06 for accounts): read through the account, workspace, session and audit ports. */
package dev.custodian.crm.core.myexport;
