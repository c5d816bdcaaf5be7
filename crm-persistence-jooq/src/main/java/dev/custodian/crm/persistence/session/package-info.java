/** The sessions and session_tokens tables behind the session repository. */
package dev.custodian.crm.persistence.session;
