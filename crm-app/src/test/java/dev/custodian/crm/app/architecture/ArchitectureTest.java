package dev.custodian.crm.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The rings, checked across every module: adapters never depend on each other, frameworks stay in
 * their adapter, DI annotations only in crm-app. Rules fail when they match no class at all.
 */
class ArchitectureTest {

  private static final String CORE = "dev.custodian.crm.core..";
  private static final String PRIVACY = "dev.custodian.crm.privacy..";
  private static final String PERSISTENCE = "dev.custodian.crm.persistence..";
  private static final String HTTP = "dev.custodian.crm.http..";
  private static final String APP = "dev.custodian.crm.app..";

  /** Every module's main classes (in a reactor build the sibling modules are jars). */
  static final JavaClasses ALL_WITH_JARS = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.custodian.crm");

  @Test
  void httpAdapterDoesNotDependOnPersistenceOrApp() {
    noClasses().that().resideInAPackage(HTTP)
        .should().dependOnClassesThat().resideInAnyPackage(PERSISTENCE, APP, "org.jooq..", "java.sql..")
        .check(ALL_WITH_JARS);
  }

  @Test
  void persistenceAdapterDoesNotDependOnHttpOrApp() {
    noClasses().that().resideInAPackage(PERSISTENCE)
        .should().dependOnClassesThat().resideInAnyPackage(HTTP, APP, "io.javalin..")
        .check(ALL_WITH_JARS);
  }

  @Test
  void coreAndPrivacyDependOnNoAdapter() {
    noClasses().that().resideInAnyPackage(CORE, PRIVACY)
        .should().dependOnClassesThat().resideInAnyPackage(PERSISTENCE, HTTP, APP)
        .check(ALL_WITH_JARS);
  }

  @Test
  void guiceAndInjectAnnotationsOnlyInApp() {
    noClasses().that().resideOutsideOfPackage(APP)
        .should().dependOnClassesThat().resideInAnyPackage(
            "com.google.inject..", "jakarta.inject..", "javax.inject..")
        .check(ALL_WITH_JARS);
  }

  @Test
  void javalinOnlyInHttpAdapterAndApp() {
    noClasses().that().resideOutsideOfPackages(HTTP, APP)
        .should().dependOnClassesThat().resideInAPackage("io.javalin..")
        .check(ALL_WITH_JARS);
  }

  @Test
  void httpAdapterRequestAndResponseRecordsArePackagePrivate() {
    classes().that().resideInAPackage(HTTP)
        .and().haveSimpleNameEndingWith("Request")
        .or().resideInAPackage(HTTP).and().haveSimpleNameEndingWith("Response")
        .should().notHaveModifier(JavaModifier.PUBLIC)
        .check(ALL_WITH_JARS);
  }
}
