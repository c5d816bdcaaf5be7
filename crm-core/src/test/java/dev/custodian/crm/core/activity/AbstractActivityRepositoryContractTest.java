package dev.custodian.crm.core.activity;

import static dev.custodian.crm.core.company.CompanyFixtures.aCompany;
import static dev.custodian.crm.core.contact.ContactFixtures.aContact;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.crm.core.activity.port.out.ActivityRepository;
import dev.custodian.crm.core.common.error.FieldError;
import dev.custodian.crm.core.common.error.ValidationException;
import dev.custodian.crm.core.common.paging.ListQuery;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.company.Company;
import dev.custodian.crm.core.company.port.out.CompanyRepository;
import dev.custodian.crm.core.contact.Contact;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.core.link.Body;
import dev.custodian.crm.core.link.Links;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.core.testing.AbstractPortContractTest;
import dev.custodian.crm.core.testing.KeysetWalkCheck;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Contract of {@link ActivityRepository}: workspace scoping by the workspace argument, links
 * checked as the foreign keys do, optimistic locking, the unlink seam (an activity left without
 * links goes), the erasure's two steps, and the list's sorts walked both ways. The in-memory fake
 * and the jOOQ adapter both extend it; the jOOQ adapter also runs it as a role that bypasses
 * row-level security.
 */
public abstract class AbstractActivityRepositoryContractTest extends AbstractPortContractTest {

  protected ActivityRepository activities;
  protected ContactRepository contacts;
  protected CompanyRepository companies;

  protected abstract ContactRepository contacts();

  protected abstract CompanyRepository companies();

  /** The repository under test, over the other two's stores. */
  protected abstract ActivityRepository activities();

  @Override
  protected void portsReady() {
    companies = companies();
    contacts = contacts();
    activities = activities();
  }

  private Contact contact(WorkspaceId workspace) {
    Contact contact = aContact(workspace);
    run(workspace, () -> contacts.insert(contact));
    return contact;
  }

  private Company company(WorkspaceId workspace) {
    Company company = aCompany(workspace);
    run(workspace, () -> companies.insert(company));
    return company;
  }

  private static Activity anActivity(WorkspaceId workspace, Links links, Instant occurredAt, Instant createdAt) {
    return Activity.create(workspace, ActivityId.of(UUID.randomUUID()), ActivityKind.CALL,
        Optional.of(new ActivitySubject("Renewal call")), Optional.of(new Body("Line one\nLine two")), occurredAt,
        Optional.of(ActivityDuration.ofSeconds(2700)), links, createdAt);
  }

  private static Links contactsLink(Contact... contacts) {
    return new Links(java.util.Arrays.stream(contacts).map(Contact::id).collect(java.util.stream.Collectors.toSet()),
        Set.of(), Set.of());
  }

  private Activity stored(Activity activity) {
    run(activity.workspace(), () -> activities.insert(activity));
    return activity;
  }

  private Optional<Activity> read(WorkspaceId workspace, ActivityId id) {
    return in(workspace, () -> activities.findById(workspace, id));
  }

  @Test
  void givenStoredActivity_whenRead_thenEverythingRoundTripsWithItsLinks() {
    Contact contact = contact(a);
    Company company = company(a);
    Activity activity = stored(anActivity(a, new Links(Set.of(contact.id()), Set.of(company.id()), Set.of()),
        Instant.parse("2026-01-31T12:00:00.123456Z"), Instant.parse("2026-02-01T00:00:00.654321Z")));
    assertThat(read(a, activity.id())).hasValue(activity);
  }

  @Test
  void givenNoOpenTransaction_whenCalled_thenFailsLoudly() {
    assertThatThrownBy(() -> activities.findById(a, ActivityId.of(UUID.randomUUID())))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void givenActivityOfA_whenReadChangedOrDeletedAsB_thenNothingIsFoundOrChanged() {
    Activity activity = stored(anActivity(a, contactsLink(contact(a)), Instant.now(), Instant.now()));
    assertThat(read(b, activity.id())).isEmpty();
    Activity asB = Activity.reconstitute(b, activity.id(), activity.kind(), activity.subject(), activity.body(),
        activity.occurredAt(), activity.duration(), activity.links(), activity.createdAt(), activity.updatedAt(), 2);
    assertThat(in(b, () -> activities.delete(b, activity.id(), OptionalLong.empty()))).isFalse();
    assertThat(in(b, () -> activities.list(b, ListQuery.first(ActivityListing.OFFER, 100))).items()).isEmpty();
    assertThat(in(b, () -> activities.unlinkContact(b, activity.links().contacts().iterator().next()))).isZero();
    assertThat(in(b, () -> activities.deleteOfContactAlone(b, activity.links().contacts().iterator().next())))
        .isZero();
    assertThat(read(a, activity.id())).hasValue(activity);
    assertThat(asB.workspace()).isEqualTo(b);
  }

  @Test
  void givenLinkToAnotherWorkspacesContactOrNone_whenInserted_thenRefusedOnThatField_andNothingStored() {
    Activity foreign = anActivity(a, contactsLink(contact(b)), Instant.now(), Instant.now());
    assertThatThrownBy(() -> run(a, () -> activities.insert(foreign)))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
            .extracting(FieldError::name).containsExactly(Links.CONTACT_IDS));
    Activity missing = anActivity(a, new Links(Set.of(), Set.of(dev.custodian.crm.core.company.CompanyId.of(
        UUID.randomUUID())), Set.of()), Instant.now(), Instant.now());
    assertThatThrownBy(() -> run(a, () -> activities.insert(missing)))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
            .extracting(FieldError::name).containsExactly(Links.COMPANY_IDS));
    assertThat(read(a, foreign.id())).isEmpty();
    assertThat(read(a, missing.id())).isEmpty();
  }

  @Test
  void givenStaleVersion_whenUpdated_thenNothingChanges_elseLinksAreReplaced() {
    Contact one = contact(a);
    Contact two = contact(a);
    Activity activity = stored(anActivity(a, contactsLink(one), Instant.now(), Instant.now()));
    Activity changed = activity.changed(ActivityKind.NOTE, Optional.empty(), Optional.empty(),
        activity.occurredAt(), Optional.empty(), contactsLink(two), Instant.now());
    assertThat(in(a, () -> activities.update(changed, 7))).isFalse();
    assertThat(read(a, activity.id())).hasValue(activity);
    assertThat(in(a, () -> activities.update(changed, 1))).isTrue();
    assertThat(read(a, activity.id())).hasValue(changed);
    assertThat(in(a, () -> activities.delete(a, activity.id(), OptionalLong.of(1)))).isFalse();
    assertThat(in(a, () -> activities.delete(a, activity.id(), OptionalLong.of(2)))).isTrue();
    assertThat(read(a, activity.id())).isEmpty();
  }

  @Test
  void givenContactUnlinked_thenItsActivitiesWithoutOtherLinksGo_andTheOthersKeepTheRest() {
    Contact x = contact(a);
    Contact y = contact(a);
    Company company = company(a);
    Activity alone = stored(anActivity(a, contactsLink(x), Instant.now(), Instant.now()));
    Activity withCompany = stored(anActivity(a, new Links(Set.of(x.id()), Set.of(company.id()), Set.of()),
        Instant.now(), Instant.now()));
    Activity other = stored(anActivity(a, contactsLink(y), Instant.now(), Instant.now()));

    run(a, () -> activities.unlinkContact(a, x.id()));
    assertThat(read(a, alone.id())).isEmpty();
    assertThat(read(a, withCompany.id()).orElseThrow().links()).isEqualTo(new Links(Set.of(), Set.of(company.id()),
        Set.of()));
    assertThat(read(a, other.id())).hasValue(other);
    run(a, () -> activities.unlinkCompany(a, company.id()));
    assertThat(read(a, withCompany.id())).isEmpty();
  }

  @Test
  void givenErasure_thenTheContactsOwnActivitiesGo_andSharedOnesLoseTheLinkAndAreNamed() {
    Contact x = contact(a);
    Contact y = contact(a);
    Company company = company(a);
    Activity alone = stored(anActivity(a, contactsLink(x), Instant.now(), Instant.now()));
    Activity withCompany = stored(anActivity(a, new Links(Set.of(x.id()), Set.of(company.id()), Set.of()),
        Instant.now(), Instant.now()));
    Activity shared = stored(anActivity(a, contactsLink(x, y), Instant.now(), Instant.now()));

    assertThat(in(a, () -> activities.deleteOfContactAlone(a, x.id()))).isEqualTo(2);
    assertThat(in(a, () -> activities.unlinkSharedContact(a, x.id()))).containsExactly(shared.id());
    assertThat(read(a, alone.id())).isEmpty();
    assertThat(read(a, withCompany.id())).isEmpty();
    Activity kept = read(a, shared.id()).orElseThrow();
    assertThat(kept.links()).isEqualTo(contactsLink(y));
    assertThat(kept.version()).isEqualTo(2);
    assertThat(kept.body()).isEqualTo(shared.body());
    assertThat(in(a, () -> activities.unlinkSharedContact(a, ContactId.of(UUID.randomUUID())))).isEmpty();
  }

  @Test
  void walkingEachSortBothWaysOver10000Activities_whileOthersAreInserted_returnsEachExistingOneOnceInOrder()
      throws Exception {
    WorkspaceId workspace = a;
    Links links = contactsLink(contact(workspace));
    KeysetWalkCheck.walkEverySortBothWaysWhileOthersAreInserted(ActivityListing.OFFER,
        new KeysetWalkCheck.SortedStore<Activity>() {
          @Override
          public void insert(List<KeysetWalkCheck.Sample> samples) {
            run(workspace, () -> samples.forEach(sample -> activities.insert(Activity.create(workspace,
                ActivityId.of(sample.id()), ActivityKind.NOTE, Optional.empty(), Optional.empty(),
                (Instant) sample.value(ActivityListing.OCCURRED_AT), Optional.empty(), links,
                (Instant) sample.value(ActivityListing.CREATED_AT)))));
          }

          @Override
          public Page<Activity> list(ListQuery query) {
            return in(workspace, () -> activities.list(workspace, query));
          }

          @Override
          public KeysetWalkCheck.Sample sampleOf(Activity activity) {
            return new KeysetWalkCheck.Sample(activity.id().value(), Map.of(
                ActivityListing.CREATED_AT, activity.createdAt(), ActivityListing.OCCURRED_AT, activity.occurredAt()));
          }
        });
  }
}
