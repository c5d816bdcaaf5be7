package dev.custodian.crm.core.consent.port.out;

import dev.custodian.crm.core.consent.PurposeKey;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Out-port: the one-click unsubscribe links' tokens (CON-02), a format kept for good: {@code u1.}
 * then base64url (no padding) of the workspace's, the contact's and the purpose's ids (16 bytes
 * each; the purpose's is {@link PurposeKey#auditId()}) and the first 16 bytes of the HMAC-SHA256 of
 * {@code unsubscribe:<contact uuid>:<purpose key>} under the workspace's {@code unsubscribe} key.
 * No expiry: a mail's link works for as long as the person keeps the mail. Nothing is stored.
 */
public interface UnsubscribeTokens {

  /** What a well-formed token names, before its MAC is checked (which needs the purpose's key). */
  record Named(WorkspaceId workspace, ContactId contact, UUID purposeId) {

    public Named {
      Objects.requireNonNull(workspace, "workspace");
      Objects.requireNonNull(contact, "contact");
      Objects.requireNonNull(purposeId, "purposeId");
    }
  }

  /** The token of the contact's link for the purpose. */
  String mint(WorkspaceId workspace, ContactId contact, PurposeKey purpose);

  /** What the token names, when it is well formed; empty otherwise. */
  Optional<Named> read(String token);

  /**
   * Whether the token is well formed, names {@code purpose}'s id and carries the right MAC for it
   * (compared in constant time).
   */
  boolean verify(String token, PurposeKey purpose);
}
