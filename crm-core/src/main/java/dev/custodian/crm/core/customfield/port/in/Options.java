package dev.custodian.crm.core.customfield.port.in;

import dev.custodian.crm.core.common.error.FieldError;
import dev.custodian.crm.core.common.validation.Validator;
import dev.custodian.crm.core.customfield.CustomField;
import dev.custodian.crm.core.customfield.FieldKey;
import dev.custodian.crm.core.customfield.FieldLabel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The validation of a select field's options, one rule for create and change. */
final class Options {

  private Options() {}

  /**
   * The options as given, each error into {@code v} by index ({@code options/2/key}); the list's
   * own rules (1 to 200 for a select type, none for another, keys unique) on {@code options}.
   * {@code null} when any is bad.
   */
  static List<NewOption> of(Validator v, boolean select, List<NewOption.Raw> raw) {
    List<NewOption.Raw> given = raw == null ? List.of() : raw;
    if (select && (given.isEmpty() || given.size() > CustomField.MAX_OPTIONS)) {
      v.reject("options", "a select field has 1 to " + CustomField.MAX_OPTIONS + " options");
      return null;
    }
    if (!select && !given.isEmpty()) {
      v.reject("options", "only a select field has options");
      return null;
    }
    List<NewOption> options = new ArrayList<>();
    Set<FieldKey> keys = new HashSet<>();
    boolean valid = true;
    for (int i = 0; i < given.size(); i++) {
      NewOption.Raw option = given.get(i);
      if (option == null) {
        v.reject(FieldError.field("options/" + i, "must be an object"));
        valid = false;
        continue;
      }
      FieldKey key = v.required("options/" + i + "/key", option.key(), FieldKey::new);
      FieldLabel label = v.required("options/" + i + "/label", option.label(), FieldLabel::new);
      if (key != null && !keys.add(key)) {
        v.reject("options/" + i + "/key", "is another option's key too");
        valid = false;
      }
      if (key == null || label == null) {
        valid = false;
      } else {
        options.add(new NewOption(key, label));
      }
    }
    return valid ? options : null;
  }
}
