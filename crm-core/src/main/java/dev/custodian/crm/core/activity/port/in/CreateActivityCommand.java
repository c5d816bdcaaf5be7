package dev.custodian.crm.core.activity.port.in;

import dev.custodian.crm.core.activity.ActivityDuration;
import dev.custodian.crm.core.activity.ActivityKind;
import dev.custodian.crm.core.activity.ActivitySubject;
import dev.custodian.crm.core.common.validation.Validator;
import dev.custodian.crm.core.link.Body;
import dev.custodian.crm.core.link.Links;
import dev.custodian.crm.core.link.Times;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Input of {@link CreateActivityUseCase}: a valid activity for one workspace. Whether its links
 * name records of the workspace is checked when it is stored.
 */
public record CreateActivityCommand(WorkspaceId workspace, ActivityKind kind, Optional<ActivitySubject> subject,
    Optional<Body> body, Instant occurredAt, Optional<ActivityDuration> duration, Links links) {

  public CreateActivityCommand {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(links, "links");
    if (duration.isPresent() && !kind.hasDuration()) {
      throw new IllegalArgumentException("only calls and meetings have a duration");
    }
  }

  /** Validates raw input into {@code v}; {@code null} when {@code v} holds any error. */
  public static CreateActivityCommand of(Validator v, WorkspaceId workspace, String kind, String subject,
      String body, String occurredAt, String duration, List<String> contactIds, List<String> companyIds,
      List<String> dealIds) {
    ActivityKind validKind = v.required("kind", kind, ActivityKind::parse);
    Optional<ActivitySubject> validSubject = v.optional("subject", subject, ActivitySubject::new);
    Optional<Body> validBody = v.optional("body", body, Body::new);
    Instant at = v.required("occurredAt", occurredAt, Times::instant);
    Optional<ActivityDuration> validDuration = v.optional("duration", duration, ActivityDuration::parse);
    if (duration != null && validKind != null && !validKind.hasDuration()) {
      v.reject("duration", "is only for a call or a meeting");
    }
    Links links = Links.of(v, contactIds, companyIds, dealIds, 1);
    return v.hasErrors() ? null
        : new CreateActivityCommand(workspace, validKind, validSubject, validBody, at, validDuration, links);
  }
}
