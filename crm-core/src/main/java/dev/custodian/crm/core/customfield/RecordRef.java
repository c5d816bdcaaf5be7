package dev.custodian.crm.core.customfield;

import java.util.Objects;
import java.util.UUID;

/** The record a custom value belongs to: a contact, company or deal, by its type and id. */
public record RecordRef(ObjectType type, UUID id) {

  public RecordRef {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(id, "id");
  }
}
