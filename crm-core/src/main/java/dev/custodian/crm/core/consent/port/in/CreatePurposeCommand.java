package dev.custodian.crm.core.consent.port.in;

import dev.custodian.crm.core.common.validation.Validator;
import dev.custodian.crm.core.consent.LegalBasis;
import dev.custodian.crm.core.consent.PurposeKey;
import dev.custodian.crm.core.consent.PurposeText;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.Objects;
import java.util.Optional;

/** Input of declaring a purpose: a valid key, name and basis; a basis other than CONSENT with its justification. */
public record CreatePurposeCommand(WorkspaceId workspace, PurposeKey key, PurposeText name,
    Optional<PurposeText> description, LegalBasis basis, Optional<PurposeText> basisJustification,
    boolean directMarketing, boolean doubleOptIn) {

  public CreatePurposeCommand {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(basis, "basis");
    Objects.requireNonNull(basisJustification, "basisJustification");
  }

  /**
   * Validates raw input, reporting every bad field at once.
   *
   * @param basis one of {@link LegalBasis}'s names
   * @throws dev.custodian.crm.core.common.error.ValidationException listing every bad field
   */
  public static CreatePurposeCommand of(WorkspaceId workspace, String key, String name, String description,
      String basis, String basisJustification, Boolean directMarketing, Boolean doubleOptIn) {
    Validator v = new Validator();
    PurposeKey validKey = v.required("key", key, PurposeKey::new);
    PurposeText validName = v.required("name", name, PurposeText::name);
    Optional<PurposeText> validDescription = v.optional("description", description, PurposeText::new);
    LegalBasis validBasis = v.required("legalBasis", basis, ConsentValues::legalBasis);
    Optional<PurposeText> justification = v.optional("basisJustification", basisJustification, PurposeText::new);
    if (validBasis != null && validBasis != LegalBasis.CONSENT && basisJustification == null) {
      v.reject("basisJustification", "is required for a basis other than CONSENT");
    }
    boolean optIn = Boolean.TRUE.equals(doubleOptIn);
    if (optIn && validBasis != null && validBasis != LegalBasis.CONSENT) {
      v.reject("doubleOptIn", "is for CONSENT purposes only");
    }
    v.throwIfInvalid();
    return new CreatePurposeCommand(workspace, validKey, validName, validDescription, validBasis, justification,
        Boolean.TRUE.equals(directMarketing), optIn);
  }
}
