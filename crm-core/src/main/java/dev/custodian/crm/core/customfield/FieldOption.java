package dev.custodian.crm.core.customfield;

import java.util.Objects;

/** One choice of a select field: its id (what a value refers to), its stable key and its label. */
public record FieldOption(FieldOptionId id, FieldKey key, FieldLabel label) {

  public FieldOption {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(label, "label");
  }
}
