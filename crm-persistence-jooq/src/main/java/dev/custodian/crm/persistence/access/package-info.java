/** The memberships table behind the membership repository. */
package dev.custodian.crm.persistence.access;
