/** The suppression list as keyed hashes, so it holds no email or phone in clear. */
package dev.custodian.crm.privacy.suppression;
