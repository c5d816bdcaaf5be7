/** Keys: the master key, per-workspace key derivation (HKDF), keyed hashes, and the master-key check. */
package dev.custodian.crm.privacy.crypto;
