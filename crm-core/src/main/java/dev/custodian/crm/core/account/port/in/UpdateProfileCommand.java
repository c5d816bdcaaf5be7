package dev.custodian.crm.core.account.port.in;

import dev.custodian.crm.core.account.AccountName;
import dev.custodian.crm.core.account.OrganisationName;
import dev.custodian.crm.core.common.patch.PatchValue;
import dev.custodian.crm.core.common.validation.Validator;
import java.util.Objects;

/**
 * Input of {@link UpdateProfileUseCase}: a partial change of one's own account (DSR-03). The name
 * can be set, not cleared; the organisation can be cleared.
 */
public record UpdateProfileCommand(PatchValue<AccountName> name, PatchValue<OrganisationName> organisation) {

  public UpdateProfileCommand {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(organisation, "organisation");
    if (name instanceof PatchValue.Clear) {
      throw new IllegalArgumentException("the name cannot be cleared");
    }
  }

  /** Validates a raw patch into {@code v}; {@code null} when {@code v} holds any error. */
  public static UpdateProfileCommand of(Validator v, PatchValue<String> name, PatchValue<String> organisation) {
    PatchValue<AccountName> validName = v.patch("name", name, false, AccountName::new);
    PatchValue<OrganisationName> validOrganisation = v.patch("organisation", organisation, true, OrganisationName::new);
    return v.hasErrors() ? null : new UpdateProfileCommand(validName, validOrganisation);
  }
}
