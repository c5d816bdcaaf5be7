/** HTTP adapter of sessions: sign-in, sign-out and the password change, through the session cookie. */
package dev.custodian.crm.http.session;
