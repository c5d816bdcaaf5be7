package dev.custodian.crm.http.activity;

import dev.custodian.crm.core.activity.Activity;
import dev.custodian.crm.core.activity.ActivityDuration;
import dev.custodian.crm.core.activity.ActivitySubject;
import dev.custodian.crm.core.link.Body;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An activity as the API shows it; the duration as ISO-8601 ({@code PT45M}), links as sorted id arrays. */
record ActivityResponse(UUID id, UUID workspaceId, String kind, String subject, String body, Instant occurredAt,
    String duration, List<UUID> contactIds, List<UUID> companyIds, List<UUID> dealIds, Instant createdAt,
    Instant updatedAt, long version) {

  static ActivityResponse from(Activity activity) {
    return new ActivityResponse(
        activity.id().value(),
        activity.workspace().value(),
        activity.kind().apiName(),
        activity.subject().map(ActivitySubject::value).orElse(null),
        activity.body().map(Body::value).orElse(null),
        activity.occurredAt(),
        activity.duration().map(ActivityDuration::toString).orElse(null),
        activity.links().contacts().stream().map(c -> c.value()).sorted().toList(),
        activity.links().companies().stream().map(c -> c.value()).sorted().toList(),
        activity.links().deals().stream().map(d -> d.value()).sorted().toList(),
        activity.createdAt(),
        activity.updatedAt(),
        activity.version());
  }
}
