package dev.custodian.crm.core.consent;

import dev.custodian.crm.core.common.port.out.TokenGenerator;
import dev.custodian.crm.core.mail.MailTokenPurpose;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The format of a double opt-in's token: {@code cnf_}, the workspace's id (16 bytes, base64url: 22
 * characters), then the {@link TokenGenerator}'s random part. The public confirmation reads the
 * workspace from it, to look the token's hash up in that workspace's own rows (row-level security
 * on); the workspace id is no secret, the random part is.
 */
public final class ConfirmationToken {

  private static final String PREFIX = MailTokenPurpose.CONSENT_CONFIRMATION.tokenPrefix();
  private static final int WORKSPACE_CHARS = 22;
  private static final Pattern RANDOM = Pattern.compile("[A-Za-z0-9_-]{43}");

  private ConfirmationToken() {}

  /** A new token of {@code workspace}. */
  public static String mint(WorkspaceId workspace, TokenGenerator tokens) {
    String random = tokens.newToken(PREFIX).substring(PREFIX.length());
    ByteBuffer bytes = ByteBuffer.allocate(16);
    bytes.putLong(workspace.value().getMostSignificantBits()).putLong(workspace.value().getLeastSignificantBits());
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array()) + random;
  }

  /** The workspace a token names; empty when the text is no such token. */
  public static Optional<WorkspaceId> workspaceOf(String token) {
    if (token == null || !token.startsWith(PREFIX) || token.length() != PREFIX.length() + WORKSPACE_CHARS + 43
        || !RANDOM.matcher(token.substring(PREFIX.length() + WORKSPACE_CHARS)).matches()) {
      return Optional.empty();
    }
    try {
      byte[] bytes = Base64.getUrlDecoder().decode(token.substring(PREFIX.length(), PREFIX.length() + WORKSPACE_CHARS));
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      return Optional.of(WorkspaceId.of(new UUID(buffer.getLong(), buffer.getLong())));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
