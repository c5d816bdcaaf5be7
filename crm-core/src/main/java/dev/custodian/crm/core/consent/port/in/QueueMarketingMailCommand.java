package dev.custodian.crm.core.consent.port.in;

import dev.custodian.crm.core.common.validation.Validator;
import dev.custodian.crm.core.consent.MarketingMail;
import dev.custodian.crm.core.consent.PurposeKey;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.Objects;

/** Input of queueing a marketing mail to every contact a purpose allows. */
public record QueueMarketingMailCommand(WorkspaceId workspace, PurposeKey purpose, String subject, String text,
    String postalAddress) {

  public QueueMarketingMailCommand {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(purpose, "purpose");
    subject = MarketingMail.subject(subject);
    text = MarketingMail.text(text, MarketingMail.TEXT_MAX);
    postalAddress = MarketingMail.text(postalAddress, MarketingMail.POSTAL_ADDRESS_MAX);
  }

  /**
   * Validates raw input, reporting every bad field at once.
   *
   * @throws dev.custodian.crm.core.common.error.ValidationException listing every bad field
   */
  public static QueueMarketingMailCommand of(WorkspaceId workspace, String purpose, String subject, String text,
      String postalAddress) {
    Validator v = new Validator();
    PurposeKey key = v.required("purpose", purpose, PurposeKey::new);
    String s = v.required("subject", subject, MarketingMail::subject);
    String t = v.required("text", text, raw -> MarketingMail.text(raw, MarketingMail.TEXT_MAX));
    String a = v.required("postalAddress", postalAddress,
        raw -> MarketingMail.text(raw, MarketingMail.POSTAL_ADDRESS_MAX));
    v.throwIfInvalid();
    return new QueueMarketingMailCommand(workspace, key, s, t, a);
  }
}
