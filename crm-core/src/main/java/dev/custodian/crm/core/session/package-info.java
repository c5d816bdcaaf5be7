/**
 * Sessions: signing in with email and password, opaque session tokens that rotate (stored only as
 * their SHA-256), an absolute lifetime, revocation, and the password change that ends every other
 * session.
 */
package dev.custodian.crm.core.session;
