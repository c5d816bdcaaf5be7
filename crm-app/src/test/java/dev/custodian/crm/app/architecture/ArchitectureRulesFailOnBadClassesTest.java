package dev.custodian.crm.app.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Each of {@link ArchitectureTest}'s rules, run on a miniature project under
 * {@code ...app.architecture.bad.<case>} that breaks it, fails and names the offending class;
 * every rule also fails on no classes at all instead of passing.
 */
class ArchitectureRulesFailOnBadClassesTest {

  private static final String BAD = "dev.custodian.crm.app.architecture.bad";

  @Test
  void givenHttpAdapterUsingPersistenceAdapter_thenRuleFails() {
    assertFails(ArchitectureTest::httpAdapterDoesNotDependOnPersistenceOrApp, "httptopersistence",
        "http.UsesPersistence", "persistence.Repository");
  }

  @Test
  void givenPersistenceAdapterUsingHttpAdapter_thenRuleFails() {
    assertFails(ArchitectureTest::persistenceAdapterDoesNotDependOnHttpOrApp, "persistencetohttp",
        "persistence.UsesHttp", "http.Api");
  }

  @Test
  void givenCoreUsingAnAdapter_thenRuleFails() {
    assertFails(ArchitectureTest::coreAndPrivacyDependOnNoAdapter, "coretoadapter",
        "core.UsesAdapter", "persistence.Repository");
  }

  @Test
  void givenPrivacyUsingAnAdapter_thenRuleFails() {
    assertFails(ArchitectureTest::coreAndPrivacyDependOnNoAdapter, "privacytoadapter",
        "privacy.UsesAdapter", "http.Api");
  }

  @Test
  void givenGuiceAnnotationOutsideApp_thenRuleFails() {
    assertFails(ArchitectureTest::guiceAndInjectAnnotationsOnlyInApp, "guiceoutsideapp",
        "core.Injected", "com.google.inject.Inject");
  }

  @Test
  void givenJavalinInPersistence_thenRuleFails() {
    assertFails(ArchitectureTest::javalinOnlyInHttpAdapterAndApp, "javalinoutsidehttp",
        "persistence.UsesJavalin", "io.javalin.Javalin");
  }

  @Test
  void givenPublicRequestAndResponseRecords_thenRuleFails() {
    assertFails(ArchitectureTest::httpAdapterRequestAndResponseRecordsArePackagePrivate,
        "publicrequest", "http.PublicRequest", "http.PublicResponse", "PUBLIC");
  }

  @Test
  void givenHttpAdapterUsingAService_thenRuleFails() {
    assertFails(ArchitectureTest::adaptersDoNotDependOnServices, "adapterusesservice",
        "http.UsesService", "service.ThingService");
  }

  @Test
  void givenPortUsingAService_thenRuleFails() {
    assertFails(ArchitectureTest::portsDoNotDependOnServices, "portusesservice",
        "port.in.ThingUseCase", "service.ThingHelper");
  }

  @Test
  void givenPublicAdapterInternals_thenRuleFails_butNotForTheEntries() {
    assertFails(ArchitectureTest::adaptersExposeOnlyTheirEntries, "publicinternal",
        "http.thing.ThingRoutes", "persistence.thing.JooqThingRepository");
    String root = BAD + ".publicinternal";
    assertThatThrownBy(() -> ArchitectureTest.adaptersExposeOnlyTheirEntries(root).check(importBad("publicinternal")))
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("ThingApi").doesNotContain("JooqThingStores"));
  }

  @Test
  void givenTwoPackagesUsingEachOther_thenCycleRuleFails() {
    assertFails(ArchitectureTest::noPackageCycles, "cycle", "Cycle detected", "app.database", "app.keys");
  }

  @Test
  void givenWiringUsingTheRootsConfigAndErrors_thenNoCycle_butAnythingElseOfTheRootIsOne() {
    String allowed = BAD + ".configallowed";
    ArchitectureTest.noPackageCycles(allowed).check(importBad("configallowed"));

    assertFails(ArchitectureTest::noPackageCycles, "configcycle",
        "Cycle detected", "app.wiring.Wiring", "app.Server");
  }

  @Test
  void givenNoClassesAtAll_thenEveryRuleFails() {
    JavaClasses none = new ClassFileImporter().importClasses();
    for (Function<String, ArchRule> rule : rules()) {
      assertThatThrownBy(() -> rule.apply(ArchitectureTest.ROOT).check(none))
          .isInstanceOf(AssertionError.class);
    }
  }

  private static List<Function<String, ArchRule>> rules() {
    return List.of(
        ArchitectureTest::httpAdapterDoesNotDependOnPersistenceOrApp,
        ArchitectureTest::persistenceAdapterDoesNotDependOnHttpOrApp,
        ArchitectureTest::coreAndPrivacyDependOnNoAdapter,
        ArchitectureTest::guiceAndInjectAnnotationsOnlyInApp,
        ArchitectureTest::javalinOnlyInHttpAdapterAndApp,
        ArchitectureTest::httpAdapterRequestAndResponseRecordsArePackagePrivate,
        ArchitectureTest::adaptersDoNotDependOnServices,
        ArchitectureTest::portsDoNotDependOnServices,
        ArchitectureTest::adaptersExposeOnlyTheirEntries,
        ArchitectureTest::noPackageCycles);
  }

  /** Runs the rule, defined for the bad case's root, on that case's classes: it must fail. */
  private static void assertFails(Function<String, ArchRule> rule, String badCase, String... mentions) {
    String root = BAD + "." + badCase;
    JavaClasses bad = importBad(badCase);
    assertThatThrownBy(() -> rule.apply(root).check(bad))
        .isInstanceOf(AssertionError.class)
        .satisfies(e -> assertThat(e.getMessage()).contains(mentions));
  }

  private static JavaClasses importBad(String badCase) {
    JavaClasses classes = new ClassFileImporter().importPackages(BAD + "." + badCase);
    assertThat(classes).as("bad classes of %s", badCase).isNotEmpty();
    return classes;
  }
}
