/** The consent ledger's keyed address hash, under each workspace's {@code consent} key. */
package dev.custodian.crm.privacy.consent;
