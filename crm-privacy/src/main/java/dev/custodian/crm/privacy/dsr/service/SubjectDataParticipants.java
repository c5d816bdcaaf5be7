package dev.custodian.crm.privacy.dsr.service;

import dev.custodian.crm.core.activity.Activity;
import dev.custodian.crm.core.activity.ActivityId;
import dev.custodian.crm.core.activity.port.out.ActivityRepository;
import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.common.Money;
import dev.custodian.crm.core.common.PhoneNumber;
import dev.custodian.crm.core.common.paging.Filter;
import dev.custodian.crm.core.common.paging.ListQuery;
import dev.custodian.crm.core.common.paging.ValueType;
import dev.custodian.crm.core.company.port.out.CompanyRepository;
import dev.custodian.crm.core.consent.port.out.ConsentLedger;
import dev.custodian.crm.core.contact.Contact;
import dev.custodian.crm.core.customfield.CustomValue;
import dev.custodian.crm.core.customfield.CustomValues;
import dev.custodian.crm.core.customfield.FieldKey;
import dev.custodian.crm.core.customfield.ObjectType;
import dev.custodian.crm.core.customfield.port.out.CustomValueRepository;
import dev.custodian.crm.core.deal.Deal;
import dev.custodian.crm.core.deal.DealListing;
import dev.custodian.crm.core.deal.port.out.DealRepository;
import dev.custodian.crm.core.erasure.SubjectDataParticipant.SubjectRecord;
import dev.custodian.crm.core.erasure.SubjectDataParticipant;
import dev.custodian.crm.core.link.Links;
import dev.custodian.crm.core.link.RecordRef;
import dev.custodian.crm.core.task.Task;
import dev.custodian.crm.core.task.TaskId;
import dev.custodian.crm.core.task.port.out.TaskRepository;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.core.timeline.TimelineItem;
import dev.custodian.crm.core.timeline.TimelineListing;
import dev.custodian.crm.core.timeline.port.out.TimelineRepository;
import dev.custodian.crm.privacy.erasure.service.ErasureServices;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The library's subject data participants, one per store of a contact's personal data, each named
 * as the {@linkplain ErasureServices erasure participant} of the same records (so what a person
 * sees is what an erasure removes): {@code contacts} (the record, with its company link: the
 * company's id and name), {@code dealContacts} (the deals the person is linked to),
 * {@code activities} and {@code tasks} (those about the person alone), {@code activityLinks} and
 * {@code taskLinks} (those shared with other contacts), {@code customValues} (the person's own
 * values) and {@code consent} (the ledger's entries of the person's subject). The data-subject
 * requests' own store ({@code requests}) joins with that feature.
 */
public final class SubjectDataParticipants {

  private SubjectDataParticipants() {}

  /** Every store's participant, in package order. */
  public static List<SubjectDataParticipant> standard(CompanyRepository companies, DealRepository deals,
      TimelineRepository timelines, ActivityRepository activities, TaskRepository tasks,
      CustomValueRepository customValues, ConsentLedger ledger) {
    List<SubjectDataParticipant> all = new ArrayList<>();
    all.add(participant(ErasureServices.CONTACT_RECORD, "contact", (w, c, sink) -> sink.accept(SubjectRecord.of(
        "id", c.id().value(), "firstName", c.firstName().value(), "lastName", c.lastName().value(),
        "email", c.email().value(), "phone", c.phone().map(PhoneNumber::value).orElse(null),
        "jobTitle", c.jobTitle().map(j -> j.value()).orElse(null),
        "companyId", c.company().map(id -> id.value()).orElse(null),
        "companyName", c.company().flatMap(id -> companies.findById(w, id)).map(co -> co.name().value()).orElse(null),
        "createdAt", c.createdAt(), "updatedAt", c.updatedAt()))));
    all.add(participant(ErasureServices.DEAL_CONTACTS, "deal", (w, c, sink) -> {
      ListQuery ofContact = new ListQuery(DealListing.OFFER,
          List.of(Filter.anyOf(DealListing.CONTACT_ID, ValueType.UUID, List.of(c.id().value()))),
          DealListing.OFFER.defaultSort(), dev.custodian.crm.core.common.paging.PageRequest.first(200));
      deals.export(w, ofContact, List.of(), deal -> sink.accept(deal(deal)));
    }));
    all.add(activities(ErasureServices.ACTIVITIES, timelines, activities, links -> links.size() == 1));
    all.add(activities(ErasureServices.ACTIVITY_LINKS, timelines, activities, links -> links.size() > 1));
    all.add(tasks(ErasureServices.TASKS, timelines, tasks, links -> links.size() == 1));
    all.add(tasks(ErasureServices.TASK_LINKS, timelines, tasks, links -> links.size() > 1));
    all.add(participant(ErasureServices.CUSTOM_VALUES, "custom_value", (w, c, sink) -> {
      CustomValues values = customValues.read(w,
          new dev.custodian.crm.core.customfield.RecordRef(ObjectType.CONTACT, c.id().value()));
      for (Map.Entry<FieldKey, CustomValue> value : values.values().entrySet()) {
        sink.accept(SubjectRecord.of("field", value.getKey().value(), "type", value.getValue().type().name(),
            "value", text(value.getValue(), values)));
      }
    }));
    all.add(participant(ErasureServices.CONSENT, "consent_event", (w, c, sink) ->
        ledger.subjectOf(w, c.id()).ifPresent(subject -> {
          ledger.streamEventsOf(w, subject, e -> sink.accept(SubjectRecord.of("id", e.id(), "purpose", e.purpose().value(), "basis", e.basis().name(),
                "kind", e.kind().name(), "source", e.source().name(), "occurredAt", e.occurredAt(),
                "recordedAt", e.recordedAt(), "noticeVersion", e.proof().noticeVersion().orElse(null),
                "optInRequestedAt", e.proof().optInRequestedAt().orElse(null),
                "optInConfirmedAt", e.proof().optInConfirmedAt().orElse(null),
                "ipPrefix", e.proof().ipPrefix().orElse(null), "userAgent", e.proof().userAgent().orElse(null))));
        })));
    return List.copyOf(all);
  }

  @FunctionalInterface
  private interface Reader {
    void read(WorkspaceId workspace, Contact contact, Consumer<SubjectRecord> sink);
  }

  private static SubjectDataParticipant participant(String name, String dataClass, Reader reader) {
    return new SubjectDataParticipant() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public String dataClass() {
        return dataClass;
      }

      @Override
      public void stream(WorkspaceId workspace, Contact contact, Consumer<SubjectRecord> sink) {
        reader.read(workspace, contact, sink);
      }
    };
  }

  /** The contact's timeline entries of one kind, each read whole. */
  private static void timeline(TimelineRepository timelines, WorkspaceId workspace, Contact contact,
      BiConsumer<TimelineItem, Consumer<SubjectRecord>> each, Consumer<SubjectRecord> sink) {
    ListQuery.first(TimelineListing.OFFER, 200).forEachRow(
        q -> timelines.timeline(workspace, new RecordRef(RecordRef.Kind.CONTACT, contact.id().value()), q),
        item -> each.accept(item, sink));
  }

  private static SubjectDataParticipant activities(String name, TimelineRepository timelines,
      ActivityRepository activities, Predicate<Links> which) {
    return participant(name, "activity", (w, c, sink) -> timeline(timelines, w, c, (item, out) -> {
      if (item instanceof TimelineItem.ActivityEntry entry) {
        activities.findById(w, new ActivityId(entry.id())).filter(a -> which.test(a.links()))
            .ifPresent(a -> out.accept(activity(a)));
      }
    }, sink));
  }

  private static SubjectDataParticipant tasks(String name, TimelineRepository timelines, TaskRepository tasks,
      Predicate<Links> which) {
    return participant(name, "task", (w, c, sink) -> timeline(timelines, w, c, (item, out) -> {
      if (item instanceof TimelineItem.TaskEntry entry) {
        tasks.findById(w, new TaskId(entry.id())).filter(t -> which.test(t.links()))
            .ifPresent(t -> out.accept(task(t)));
      }
    }, sink));
  }

  private static SubjectRecord deal(Deal deal) {
    return SubjectRecord.of("id", deal.id().value(), "title", deal.title().value(),
        "amount", deal.amount().map(Money::amount).map(a -> a.toPlainString()).orElse(null),
        "currency", deal.amount().map(m -> m.currency().getCurrencyCode()).orElse(null),
        "status", deal.status().name(), "expectedCloseDate", deal.expectedCloseDate().orElse(null),
        "closedAt", deal.closedAt().orElse(null), "createdAt", deal.createdAt(), "updatedAt", deal.updatedAt());
  }

  private static SubjectRecord activity(Activity activity) {
    return SubjectRecord.of("id", activity.id().value(), "kind", activity.kind().name(),
        "subject", activity.subject().map(s -> s.value()).orElse(null),
        "body", activity.body().map(b -> b.value()).orElse(null), "occurredAt", activity.occurredAt(),
        "otherContacts", activity.links().contacts().size() - 1, "createdAt", activity.createdAt());
  }

  private static SubjectRecord task(Task task) {
    return SubjectRecord.of("id", task.id().value(), "title", task.title().value(),
        "body", task.body().map(b -> b.value()).orElse(null), "dueAt", task.dueAt().orElse(null),
        "done", task.done(), "otherContacts", task.links().contacts().size() - 1, "createdAt", task.createdAt());
  }

  /** A custom value as text (an address or number as given; a select's option keys). */
  private static String text(CustomValue value, CustomValues all) {
    Object v = value.value();
    if (!value.options().isEmpty()) {
      return String.join(";", value.options().stream()
          .map(o -> all.optionKey(o).map(FieldKey::value).orElse(o.toString())).toList());
    }
    if (v instanceof EmailAddress email) {
      return email.value();
    }
    if (v instanceof PhoneNumber phone) {
      return phone.value();
    }
    if (v instanceof Money money) {
      return money.amount().toPlainString() + " " + money.currency().getCurrencyCode();
    }
    if (v instanceof java.math.BigDecimal decimal) {
      return decimal.toPlainString();
    }
    return Optional.ofNullable(v).map(Object::toString).orElse(null);
  }
}
