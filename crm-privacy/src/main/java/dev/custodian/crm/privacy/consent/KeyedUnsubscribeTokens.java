package dev.custodian.crm.privacy.consent;

import dev.custodian.crm.core.consent.PurposeKey;
import dev.custodian.crm.core.consent.port.out.UnsubscribeTokens;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.keys.port.out.KeyProvider;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.privacy.crypto.KeyDerivation;
import dev.custodian.crm.privacy.crypto.KeyedHash;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The unsubscribe links' tokens (see {@link UnsubscribeTokens} for the format, kept for good): MAC
 * under the workspace's {@value #PURPOSE} key (HKDF info {@code unsubscribe:<workspace uuid>}),
 * another key than the ledger's and the suppression list's.
 */
public final class KeyedUnsubscribeTokens implements UnsubscribeTokens {

  /** The HKDF purpose of the keys the links are signed with. */
  public static final String PURPOSE = "unsubscribe";
  /** The format's version prefix. */
  public static final String PREFIX = "u1.";

  private static final int ID_BYTES = 16;
  private static final int MAC_BYTES = 16;
  private static final int BYTES = 3 * ID_BYTES + MAC_BYTES;
  private static final Pattern BODY = Pattern.compile("[A-Za-z0-9_-]{" + ((BYTES * 8 + 5) / 6) + "}");

  private final KeyProvider keys;

  public KeyedUnsubscribeTokens(KeyProvider keys) {
    this.keys = Objects.requireNonNull(keys, "keys");
  }

  @Override
  public String mint(WorkspaceId workspace, ContactId contact, PurposeKey purpose) {
    ByteBuffer bytes = ByteBuffer.allocate(BYTES);
    put(bytes, workspace.value());
    put(bytes, contact.value());
    put(bytes, purpose.auditId());
    bytes.put(mac(workspace, contact, purpose));
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
  }

  @Override
  public Optional<Named> read(String token) {
    return decode(token).map(bytes -> {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      return new Named(WorkspaceId.of(uuid(buffer)), ContactId.of(uuid(buffer)), uuid(buffer));
    });
  }

  @Override
  public boolean verify(String token, PurposeKey purpose) {
    Optional<byte[]> bytes = decode(token);
    if (bytes.isEmpty()) {
      return false;
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes.get());
    WorkspaceId workspace = WorkspaceId.of(uuid(buffer));
    ContactId contact = ContactId.of(uuid(buffer));
    UUID purposeId = uuid(buffer);
    byte[] given = Arrays.copyOfRange(bytes.get(), 3 * ID_BYTES, BYTES);
    return purposeId.equals(purpose.auditId()) && MessageDigest.isEqual(given, mac(workspace, contact, purpose));
  }

  private byte[] mac(WorkspaceId workspace, ContactId contact, PurposeKey purpose) {
    byte[] master = keys.masterKey();
    byte[] key = KeyDerivation.workspaceKey(master, PURPOSE, workspace);
    try {
      String hex = KeyedHash.of(key, PURPOSE, contact.value() + ":" + purpose.value());
      return Arrays.copyOf(HexFormat.of().parseHex(hex), MAC_BYTES);
    } finally {
      Arrays.fill(key, (byte) 0);
      Arrays.fill(master, (byte) 0);
    }
  }

  private static Optional<byte[]> decode(String token) {
    if (token == null || !token.startsWith(PREFIX) || !BODY.matcher(token.substring(PREFIX.length())).matches()) {
      return Optional.empty();
    }
    try {
      byte[] bytes = Base64.getUrlDecoder().decode(token.substring(PREFIX.length()));
      return bytes.length == BYTES ? Optional.of(bytes) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static void put(ByteBuffer bytes, UUID id) {
    bytes.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
  }

  private static UUID uuid(ByteBuffer buffer) {
    return new UUID(buffer.getLong(), buffer.getLong());
  }
}
