package dev.custodian.crm.privacy.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import org.junit.jupiter.api.Test;

/** Purity of crm-privacy: plain Java, javax.crypto, crm-core and BouncyCastle; data only through core ports. */
class PrivacyArchitectureTest {

  static final JavaClasses PRIVACY = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.custodian.crm.privacy");

  /**
   * crm-privacy uses nothing outside {@code java..}, {@code javax.crypto..}, crm-core and
   * BouncyCastle, and no JDBC: it reaches data only through crm-core's ports.
   */
  static final ArchRule PRIVACY_USES_ONLY_CORE_AND_CRYPTO = noClasses()
      .that().resideInAPackage("dev.custodian.crm.privacy..")
      .should().dependOnClassesThat().resideOutsideOfPackages(
          "java..", "javax.crypto..", "dev.custodian.crm.core..", "dev.custodian.crm.privacy..",
          "org.bouncycastle..")
      .orShould().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..")
      .because("privacy engines reach data only through crm-core's ports");

  static final ArchRule NO_PACKAGE_CYCLES = SlicesRuleDefinition.slices()
      .matching("dev.custodian.crm.privacy.(**)")
      .should().beFreeOfCycles();

  @Test
  void privacyUsesOnlyJavaCryptoAndCore() {
    PRIVACY_USES_ONLY_CORE_AND_CRYPTO.check(PRIVACY);
  }

  @Test
  void privacyPackagesAreFreeOfCycles() {
    NO_PACKAGE_CYCLES.check(PRIVACY);
  }
}
