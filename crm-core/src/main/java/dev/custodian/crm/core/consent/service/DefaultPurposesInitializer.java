package dev.custodian.crm.core.consent.service;

import dev.custodian.crm.core.common.Timestamps;
import dev.custodian.crm.core.consent.LegalBasis;
import dev.custodian.crm.core.consent.Purpose;
import dev.custodian.crm.core.consent.PurposeKey;
import dev.custodian.crm.core.consent.PurposeText;
import dev.custodian.crm.core.consent.port.out.PurposeRepository;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.core.workspace.WorkspaceInitializer;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Initializer: a new workspace's default purposes: {@code service-delivery} (CONTRACT),
 * {@code marketing-email} (CONSENT, direct marketing, double opt-in) and {@code analytics}
 * (LEGITIMATE_INTEREST). Workspaces that existed before consent got the same from its migration
 * ({@code V23__consent.sql}), with the same texts.
 */
public final class DefaultPurposesInitializer implements WorkspaceInitializer {

  /** One default purpose, as declared. */
  public record Default(String key, String name, String description, LegalBasis basis, String justification,
      boolean directMarketing, boolean doubleOptIn) {}

  /** The defaults, in the order they are created. */
  public static final List<Default> DEFAULTS = List.of(
      new Default("service-delivery", "Service delivery",
          "Serving the person under the contract they have with the workspace, or asked for before one.",
          LegalBasis.CONTRACT, "Necessary to perform a contract with the person (Art. 6(1)(b)).", false, false),
      new Default("marketing-email", "Marketing email",
          "News and offers by email, sent only to those who confirmed their subscription.",
          LegalBasis.CONSENT, null, true, true),
      new Default("analytics", "Analytics",
          "Understanding how the workspace's services are used, to improve them.",
          LegalBasis.LEGITIMATE_INTEREST,
          "A legitimate interest in improving the service; the person may object (Art. 21(1)).", false, false));

  private final PurposeRepository purposes;
  private final Clock clock;

  public DefaultPurposesInitializer(PurposeRepository purposes, Clock clock) {
    this.purposes = Objects.requireNonNull(purposes, "purposes");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public void initialize(WorkspaceId workspace) {
    for (Default d : DEFAULTS) {
      purposes.insert(Purpose.create(workspace, new PurposeKey(d.key()), PurposeText.name(d.name()),
          Optional.of(new PurposeText(d.description())), d.basis(),
          Optional.ofNullable(d.justification()).map(PurposeText::new), d.directMarketing(), d.doubleOptIn(),
          Timestamps.now(clock)));
    }
  }
}
