package dev.custodian.crm.core.keys.port.out;

/**
 * Out-port: the master key, 32 bytes, from outside the database (configuration today, a KMS
 * tomorrow). Per-workspace, per-purpose keys are derived from it; it is never stored in the
 * database nor logged, and callers must not keep copies longer than one derivation.
 */
public interface KeyProvider {

  /** A fresh copy of the 32-byte master key; the caller may wipe it after use. */
  byte[] masterKey();
}
