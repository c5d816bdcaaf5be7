/** In-ports of sessions: sign in, authenticate a token, sign out, change the password. */
package dev.custodian.crm.core.session.port.in;
