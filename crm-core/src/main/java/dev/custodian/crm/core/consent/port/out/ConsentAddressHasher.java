package dev.custodian.crm.core.consent.port.out;

import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.consent.AddressHash;
import dev.custodian.crm.core.consent.AddressHashing;
import dev.custodian.crm.core.tenancy.WorkspaceId;

/**
 * Out-port: the ledger's keyed hash of an address, HMAC-SHA256 of {@code email:<normalised>} under
 * the workspace's {@code consent} key (crm-privacy implements it; the key never reaches the core).
 */
public interface ConsentAddressHasher {

  AddressHash hash(WorkspaceId workspace, EmailAddress address);

  /**
   * The same hash as padded keys, for a query that hashes each contact's address itself (the
   * list of contacts a purpose allows); the caller {@linkplain AddressHashing#destroy() destroys} it.
   */
  AddressHashing hashing(WorkspaceId workspace);
}
