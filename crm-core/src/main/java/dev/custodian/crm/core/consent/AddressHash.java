package dev.custodian.crm.core.consent;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Value object: HMAC-SHA256 of {@code email:<normalised address>} under the workspace's
 * {@code consent} key, in lower-case hex. It finds a person's ledger entries by their address
 * (proof, a refusal surviving a re-created contact) while a database dump alone cannot test a
 * guessed address; it is neither a plain hash nor the suppression list's.
 */
public record AddressHash(String hex) {

  private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

  public AddressHash {
    Objects.requireNonNull(hex, "hex");
    if (!HEX.matcher(hex).matches()) {
      throw new IllegalArgumentException("an address hash is 64 lower-case hex digits");
    }
  }

  @Override
  public String toString() {
    return "AddressHash[...]";
  }
}
