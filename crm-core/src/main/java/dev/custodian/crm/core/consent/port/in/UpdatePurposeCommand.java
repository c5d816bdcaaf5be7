package dev.custodian.crm.core.consent.port.in;

import dev.custodian.crm.core.common.error.PreconditionFailedException;
import dev.custodian.crm.core.common.patch.PatchValue;
import dev.custodian.crm.core.common.validation.Validator;
import dev.custodian.crm.core.consent.PurposeKey;
import dev.custodian.crm.core.consent.PurposeText;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Input of changing a purpose, based on the version the caller last saw: its name (not cleared),
 * description and justification (cleared), and its two flags. Key and basis cannot change.
 */
public record UpdatePurposeCommand(WorkspaceId workspace, PurposeKey key, long expectedVersion,
    PatchValue<PurposeText> name, PatchValue<PurposeText> description, PatchValue<PurposeText> basisJustification,
    PatchValue<Boolean> directMarketing, PatchValue<Boolean> doubleOptIn) {

  public UpdatePurposeCommand {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(basisJustification, "basisJustification");
    Objects.requireNonNull(directMarketing, "directMarketing");
    Objects.requireNonNull(doubleOptIn, "doubleOptIn");
  }

  /**
   * Validates a raw patch into {@code v}; {@code null} when {@code v} holds any error (the caller
   * adds its own, e.g. a patched {@code key} or {@code legalBasis}, before).
   *
   * @throws PreconditionFailedException (missing) when the input is valid but no version is given
   */
  public static UpdatePurposeCommand of(Validator v, WorkspaceId workspace, PurposeKey key,
      OptionalLong expectedVersion, PatchValue<String> name, PatchValue<String> description,
      PatchValue<String> basisJustification, PatchValue<Boolean> directMarketing, PatchValue<Boolean> doubleOptIn) {
    PatchValue<PurposeText> validName = v.patch("name", name, false, PurposeText::name);
    PatchValue<PurposeText> validDescription = v.patch("description", description, true, PurposeText::new);
    PatchValue<PurposeText> justification = v.patch("basisJustification", basisJustification, true, PurposeText::new);
    PatchValue<Boolean> marketing = v.patch("directMarketing", directMarketing, false, b -> b);
    PatchValue<Boolean> optIn = v.patch("doubleOptIn", doubleOptIn, false, b -> b);
    if (v.hasErrors()) {
      return null;
    }
    if (expectedVersion.isEmpty()) {
      throw PreconditionFailedException.missing("purpose");
    }
    return new UpdatePurposeCommand(workspace, key, expectedVersion.getAsLong(), validName, validDescription,
        justification, marketing, optIn);
  }
}
