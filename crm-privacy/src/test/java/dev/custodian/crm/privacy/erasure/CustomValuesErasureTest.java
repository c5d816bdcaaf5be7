package dev.custodian.crm.privacy.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.common.validation.Validator;
import dev.custodian.crm.core.company.Company;
import dev.custodian.crm.core.company.port.in.CreateCompanyCommand;
import dev.custodian.crm.core.contact.Contact;
import dev.custodian.crm.core.contact.port.in.CreateContactCommand;
import dev.custodian.crm.core.customfield.CustomField;
import dev.custodian.crm.core.customfield.CustomValue;
import dev.custodian.crm.core.customfield.CustomValues;
import dev.custodian.crm.core.customfield.ObjectType;
import dev.custodian.crm.core.customfield.RecordRef;
import dev.custodian.crm.core.customfield.port.in.CreateCustomFieldCommand;
import dev.custodian.crm.core.customfield.port.in.NewOption;
import dev.custodian.crm.core.erasure.ErasureReceipt;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.core.testing.InMemoryPersistence;
import dev.custodian.crm.core.workspace.Workspace;
import dev.custodian.crm.core.workspace.port.in.CreateWorkspaceCommand;
import dev.custodian.crm.privacy.Custodian;
import dev.custodian.crm.privacy.crypto.MasterKey;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Erasure's customValues participant through the entry point, on the in-memory fakes. */
class CustomValuesErasureTest {

  private final InMemoryPersistence persistence = new InMemoryPersistence();
  private final Custodian custodian = Custodian.builder().persistence(persistence).keys(MasterKey.of(key())).build();
  private final Actor me = Actor.account(AccountId.of(UUID.randomUUID()));

  private static byte[] key() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return key;
  }

  private void write(WorkspaceId workspace, RecordRef record, CustomField field, Object raw) {
    Validator v = new Validator();
    Map<CustomField, Optional<CustomValue>> values = CustomValues.read(v, List.of(field), Map.of(field.key().value(), raw));
    v.throwIfInvalid();
    persistence.transactions().inWorkspace(workspace, () -> {
      persistence.customValues().write(workspace, record, values);
      return null;
    });
  }

  @Test
  @DisplayName("DSR-04: a value on X and a company whose custom email is X's: the receipt reads customValues: 2")
  void erasingAContactDeletesItsValuesAndTheCompanysCopyOfItsEmail() {
    Workspace w = custodian.workspaces().create().create(me, CreateWorkspaceCommand.named("Acme Ltd"));
    Contact x = custodian.contacts().create().create(me, CreateContactCommand.builder(w.id())
        .firstName("Ada").lastName("Lovelace").email("ada@example.org").build());
    Company company = custodian.companies().create().create(me, CreateCompanyCommand.builder(w.id()).name("Engines").build());
    CustomField tier = custodian.customFields().create().create(me, CreateCustomFieldCommand.of(w.id(), ObjectType.CONTACT,
        "tier", "single_select", "Tier", null, List.of(new NewOption.Raw("gold", "Gold"))));
    CustomField billing = custodian.customFields().create().create(me, CreateCustomFieldCommand.of(w.id(),
        ObjectType.COMPANY, "billing_email", "email", "Billing email", true, null));
    RecordRef companyRef = new RecordRef(ObjectType.COMPANY, company.id().value());
    write(w.id(), new RecordRef(ObjectType.CONTACT, x.id().value()), tier, "gold");
    write(w.id(), companyRef, billing, "ADA@example.org");

    ErasureReceipt receipt = custodian.erasure().erase().erase(me, w.id(), x.id());

    assertThat(receipt.removedByParticipant()).containsEntry("customValues", 2).containsEntry("contacts", 1);
    assertThat(persistence.transactions().inWorkspace(w.id(),
        () -> persistence.customValues().read(w.id(), companyRef).values())).isEmpty();
  }
}
