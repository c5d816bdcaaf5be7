package dev.custodian.crm.core.consent;

import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.consent.port.out.ConsentAddressHasher;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Test double of the keyed address hash: HMAC-SHA256 under a key anyone can make (the real one's key is secret, in crm-privacy). */
public final class FakeAddressHasher {

  private FakeAddressHasher() {}

  /** HMAC-SHA256, as the real one, under a key made of the workspace's id (no secret: tests only). */
  public static ConsentAddressHasher create() {
    return new ConsentAddressHasher() {
      @Override
      public AddressHash hash(WorkspaceId workspace, EmailAddress address) {
        AddressHashing hashing = hashing(workspace);
        try {
          return hashing.hash(address);
        } finally {
          hashing.destroy();
        }
      }

      @Override
      public AddressHashing hashing(WorkspaceId workspace) {
        try {
          return AddressHashing.ofKey(MessageDigest.getInstance("SHA-256")
              .digest(("fake-consent-key:" + workspace.value()).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
          throw new IllegalStateException(e);
        }
      }
    };
  }
}
