package dev.custodian.crm.core.consent;

import dev.custodian.crm.core.consent.port.out.ConsentAddressHasher;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Test double of the keyed address hash: SHA-256 of workspace and address (the real one is keyed, in crm-privacy). */
public final class FakeAddressHasher {

  private FakeAddressHasher() {}

  public static ConsentAddressHasher create() {
    return (workspace, address) -> {
      try {
        byte[] digest = MessageDigest.getInstance("SHA-256")
            .digest((workspace.value() + ":email:" + address.normalised()).getBytes(StandardCharsets.UTF_8));
        return new AddressHash(HexFormat.of().formatHex(digest));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    };
  }
}
