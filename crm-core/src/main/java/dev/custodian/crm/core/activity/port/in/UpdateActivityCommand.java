package dev.custodian.crm.core.activity.port.in;

import dev.custodian.crm.core.activity.ActivityDuration;
import dev.custodian.crm.core.activity.ActivityId;
import dev.custodian.crm.core.activity.ActivityKind;
import dev.custodian.crm.core.activity.ActivitySubject;
import dev.custodian.crm.core.common.error.PreconditionFailedException;
import dev.custodian.crm.core.common.patch.PatchValue;
import dev.custodian.crm.core.common.validation.Validator;
import dev.custodian.crm.core.link.Body;
import dev.custodian.crm.core.link.Times;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Input of {@link UpdateActivityUseCase}: a partial change of one activity (JSON merge patch),
 * based on the version the caller last saw. Kind and time can be set, not cleared; a list of ids
 * given replaces that kind of link ({@code null} clears it); at least one link must remain, and a
 * duration only on a call or meeting (both checked on the result).
 */
public record UpdateActivityCommand(WorkspaceId workspace, ActivityId id, long expectedVersion,
    PatchValue<ActivityKind> kind, PatchValue<ActivitySubject> subject, PatchValue<Body> body,
    PatchValue<Instant> occurredAt, PatchValue<ActivityDuration> duration, PatchValue<List<String>> contactIds,
    PatchValue<List<String>> companyIds, PatchValue<List<String>> dealIds) {

  public UpdateActivityCommand {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(contactIds, "contactIds");
    Objects.requireNonNull(companyIds, "companyIds");
    Objects.requireNonNull(dealIds, "dealIds");
  }

  /**
   * Validates a raw patch into {@code v}; {@code null} when {@code v} holds any error. The link
   * lists are read against the stored activity by the use case (into its own validator).
   *
   * @throws PreconditionFailedException (missing) when the input is valid but no version is given
   */
  public static UpdateActivityCommand of(Validator v, WorkspaceId workspace, ActivityId id,
      OptionalLong expectedVersion, PatchValue<String> kind, PatchValue<String> subject, PatchValue<String> body,
      PatchValue<String> occurredAt, PatchValue<String> duration, PatchValue<List<String>> contactIds,
      PatchValue<List<String>> companyIds, PatchValue<List<String>> dealIds) {
    PatchValue<ActivityKind> validKind = v.patch("kind", kind, false, ActivityKind::parse);
    PatchValue<ActivitySubject> validSubject = v.patch("subject", subject, true, ActivitySubject::new);
    PatchValue<Body> validBody = v.patch("body", body, true, Body::new);
    PatchValue<Instant> at = v.patch("occurredAt", occurredAt, false, Times::instant);
    PatchValue<ActivityDuration> validDuration = v.patch("duration", duration, true, ActivityDuration::parse);
    if (v.hasErrors()) {
      return null;
    }
    if (expectedVersion.isEmpty()) {
      throw PreconditionFailedException.missing("activity");
    }
    return new UpdateActivityCommand(workspace, id, expectedVersion.getAsLong(), validKind, validSubject, validBody,
        at, validDuration, contactIds, companyIds, dealIds);
  }
}
