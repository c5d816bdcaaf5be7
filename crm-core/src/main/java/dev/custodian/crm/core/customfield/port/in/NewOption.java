package dev.custodian.crm.core.customfield.port.in;

import dev.custodian.crm.core.customfield.FieldKey;
import dev.custodian.crm.core.customfield.FieldLabel;
import java.util.Objects;

/** One option of a select field as a command gives it: its stable key and its label. */
public record NewOption(FieldKey key, FieldLabel label) {

  public NewOption {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(label, "label");
  }

  /** One option as given, before validation. */
  public record Raw(String key, String label) {}
}
