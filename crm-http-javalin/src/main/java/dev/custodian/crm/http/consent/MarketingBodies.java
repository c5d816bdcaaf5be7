package dev.custodian.crm.http.consent;

/** The marketing routes' request and response records. */
final class MarketingBodies {

  private MarketingBodies() {}

  /** Body of {@code POST .../marketing-mails}. */
  record MarketingMailRequest(String purpose, String subject, String text, String postalAddress) {}

  /** The answer of a queued marketing mail: how many contacts it was queued for. */
  record MarketingMailResponse(String purpose, int queued) {}
}
