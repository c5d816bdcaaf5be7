package dev.custodian.crm.app.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The rings, checked across every module: adapters never depend on each other, frameworks stay in
 * their adapter, DI annotations only in crm-app, no package cycles anywhere. Rules fail when they
 * match no class at all.
 *
 * <p>Each rule is defined once, for a project root package: {@link #ROOT} here, and miniature bad
 * projects under {@code ...app.architecture.bad} in {@link ArchitectureRulesFailOnBadClassesTest},
 * which shows that each rule fails on them.
 */
class ArchitectureTest {

  static final String ROOT = "dev.custodian.crm";

  /** Test jars (crm-core's and crm-persistence-jooq's) hold test classes, not the product. */
  private static final Pattern TEST_JAR = Pattern.compile(".*-tests\\.jar.*");

  /** Every module's main classes (in a reactor build the sibling modules are jars). */
  static final JavaClasses ALL_WITH_JARS = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .withImportOption(location -> !location.matches(TEST_JAR))
      .importPackages(ROOT);

  static ArchRule httpAdapterDoesNotDependOnPersistenceOrApp(String root) {
    return noClasses().that().resideInAPackage(root + ".http..")
        .should().dependOnClassesThat().resideInAnyPackage(
            root + ".persistence..", root + ".app..", "org.jooq..", "java.sql..");
  }

  static ArchRule persistenceAdapterDoesNotDependOnHttpOrApp(String root) {
    return noClasses().that().resideInAPackage(root + ".persistence..")
        .should().dependOnClassesThat().resideInAnyPackage(
            root + ".http..", root + ".app..", "io.javalin..");
  }

  static ArchRule coreAndPrivacyDependOnNoAdapter(String root) {
    return noClasses().that().resideInAnyPackage(root + ".core..", root + ".privacy..")
        .should().dependOnClassesThat().resideInAnyPackage(
            root + ".persistence..", root + ".http..", root + ".app..");
  }

  static ArchRule guiceAndInjectAnnotationsOnlyInApp(String root) {
    return noClasses().that().resideOutsideOfPackage(root + ".app..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "com.google.inject..", "jakarta.inject..", "javax.inject..");
  }

  static ArchRule javalinOnlyInHttpAdapterAndApp(String root) {
    return noClasses().that().resideOutsideOfPackages(root + ".http..", root + ".app..")
        .should().dependOnClassesThat().resideInAPackage("io.javalin..");
  }

  static ArchRule httpAdapterRequestAndResponseRecordsArePackagePrivate(String root) {
    // One predicate for the name: that().a().and().b().or().c() reads as ((a and b) or c), left to right.
    return classes().that().resideInAPackage(root + ".http..")
        .and(simpleNameEndingWith("Request").or(simpleNameEndingWith("Response")))
        .should().notHaveModifier(JavaModifier.PUBLIC);
  }

  /** Adapters call in-ports and implement out-ports; a service is the core's own business. */
  static ArchRule adaptersDoNotDependOnServices(String root) {
    return noClasses().that().resideInAnyPackage(root + ".http..", root + ".persistence..")
        .should().dependOnClassesThat().resideInAPackage(root + "..service..");
  }

  /** A port is a contract: it names domain types, never the service behind it. */
  static ArchRule portsDoNotDependOnServices(String root) {
    return noClasses().that().resideInAPackage(root + "..port..")
        .should().dependOnClassesThat().resideInAPackage(root + "..service..");
  }

  /**
   * In each adapter only its entry types are public: the adapter's root package, its shared kit
   * ({@code common}, and {@code json} / {@code problem} in HTTP, {@code schema} and jOOQ's
   * generated code in persistence), and one entry per feature package, {@code <Feature>Api} or
   * {@code Jooq<Feature>Stores}. Routes, repositories and mappers stay package-private.
   */
  static ArchRule adaptersExposeOnlyTheirEntries(String root) {
    return classes().that().resideInAnyPackage(root + ".http..", root + ".persistence..")
        .and().arePublic()
        .should().resideInAnyPackage(root + ".http", root + ".http.common", root + ".http.json",
            root + ".http.problem", root + ".persistence", root + ".persistence.common",
            root + ".persistence.schema", root + ".persistence.generated..")
        .orShould().haveNameMatching(Pattern.quote(root) + "\\.http\\.\\w+\\.\\w+Api")
        .orShould().haveNameMatching(Pattern.quote(root) + "\\.persistence\\.\\w+\\.Jooq\\w+Stores");
  }

  /**
   * No cycles between any two packages of the project. Two allowances: jOOQ's generated code is
   * one slice (its tables, keys and records refer to each other by design), and crm-app's wiring
   * packages may read the composition root's {@code AppConfig} (and its {@code AccountConfig}) and throw its
   * {@code StartupException} / {@code ConfigException} while the root starts them.
   */
  static ArchRule noPackageCycles(String root) {
    return SlicesRuleDefinition.slices().assignedFrom(packagesOf(root))
        .should().beFreeOfCycles()
        .ignoreDependency(resideInAPackage(root + ".app.."), nameMatching(
            Pattern.quote(root + ".app.") + "(AppConfig|AccountConfig|StartupException|ConfigException)"));
  }

  private static SliceAssignment packagesOf(String root) {
    String generated = root + ".persistence.generated";
    return new SliceAssignment() {
      @Override
      public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
        String pkg = javaClass.getPackageName();
        if (!within(pkg, root)) {
          return SliceIdentifier.ignore();
        }
        return SliceIdentifier.of(within(pkg, generated) ? generated + ".." : pkg);
      }

      @Override
      public String getDescription() {
        return "every package of " + root + " (jOOQ's generated code as one)";
      }
    };
  }

  private static boolean within(String pkg, String parent) {
    return pkg.equals(parent) || pkg.startsWith(parent + ".");
  }

  @Test
  void productionImportHoldsEveryModuleAndNoTestClasses() {
    for (String module : new String[] {"core", "privacy", "persistence", "http", "app"}) {
      assertThat(ALL_WITH_JARS.that(resideInAPackage(ROOT + "." + module + "..")))
          .as("classes of %s", module).isNotEmpty();
    }
    assertThat(ALL_WITH_JARS.contain(ArchitectureTest.class)).isFalse();
    assertThat(ALL_WITH_JARS.contain("dev.custodian.crm.core.architecture.bad.jdbc.UsesJdbc"))
        .as("crm-core's test-jar").isFalse();
    assertThat(ALL_WITH_JARS.contain("dev.custodian.crm.persistence.testing.TestDatabase"))
        .as("crm-persistence-jooq's test-jar").isFalse();
  }

  @Test
  void httpAdapterDoesNotDependOnPersistenceOrApp() {
    httpAdapterDoesNotDependOnPersistenceOrApp(ROOT).check(ALL_WITH_JARS);
  }

  @Test
  void persistenceAdapterDoesNotDependOnHttpOrApp() {
    persistenceAdapterDoesNotDependOnHttpOrApp(ROOT).check(ALL_WITH_JARS);
  }

  @Test
  void coreAndPrivacyDependOnNoAdapter() {
    coreAndPrivacyDependOnNoAdapter(ROOT).check(ALL_WITH_JARS);
  }

  @Test
  void guiceAndInjectAnnotationsOnlyInApp() {
    guiceAndInjectAnnotationsOnlyInApp(ROOT).check(ALL_WITH_JARS);
  }

  @Test
  void javalinOnlyInHttpAdapterAndApp() {
    javalinOnlyInHttpAdapterAndApp(ROOT).check(ALL_WITH_JARS);
  }

  @Test
  void httpAdapterRequestAndResponseRecordsArePackagePrivate() {
    httpAdapterRequestAndResponseRecordsArePackagePrivate(ROOT).check(ALL_WITH_JARS);
  }

  @Test
  void adaptersDoNotDependOnServices() {
    adaptersDoNotDependOnServices(ROOT).check(ALL_WITH_JARS);
  }

  @Test
  void portsDoNotDependOnServices() {
    portsDoNotDependOnServices(ROOT).check(ALL_WITH_JARS);
  }

  @Test
  void adaptersExposeOnlyTheirEntries() {
    adaptersExposeOnlyTheirEntries(ROOT).check(ALL_WITH_JARS);
  }

  @Test
  void noPackageCyclesAnywhere() {
    noPackageCycles(ROOT).check(ALL_WITH_JARS);
  }
}
