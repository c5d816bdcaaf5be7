package dev.custodian.crm.core.consent.port.in;

import dev.custodian.crm.core.common.validation.Validator;
import dev.custodian.crm.core.consent.ConsentProof;
import dev.custodian.crm.core.consent.PurposeKey;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.Objects;
import java.util.Optional;

/**
 * Input of asking a contact to confirm a grant by mail (double opt-in): the purpose and the notice
 * version the grant will name.
 */
public record RequestConsentCommand(WorkspaceId workspace, ContactId contact, PurposeKey purpose,
    String noticeVersion) {

  public RequestConsentCommand {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(contact, "contact");
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(noticeVersion, "noticeVersion");
  }

  /**
   * Validates raw input, reporting every bad field at once.
   *
   * @throws dev.custodian.crm.core.common.error.ValidationException listing every bad field
   */
  public static RequestConsentCommand of(WorkspaceId workspace, ContactId contact, String purpose,
      String noticeVersion) {
    Validator v = new Validator();
    PurposeKey key = v.required("purpose", purpose, PurposeKey::new);
    Optional<String> notice = Optional.ofNullable(noticeVersion).map(String::strip).filter(s -> !s.isEmpty());
    if (notice.isEmpty() || notice.get().length() > ConsentProof.NOTICE_VERSION_MAX) {
      v.reject("noticeVersion", "must be 1 to " + ConsentProof.NOTICE_VERSION_MAX + " characters");
    }
    v.throwIfInvalid();
    return new RequestConsentCommand(workspace, contact, key, notice.orElseThrow());
  }

}
