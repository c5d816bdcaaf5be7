/** The memberships, invitations and api_keys tables behind the access feature's repositories. */
package dev.custodian.crm.persistence.access;
