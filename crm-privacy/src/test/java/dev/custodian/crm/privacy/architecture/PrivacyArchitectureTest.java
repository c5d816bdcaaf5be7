package dev.custodian.crm.privacy.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import org.junit.jupiter.api.Test;

/**
 * Purity of crm-privacy: plain Java, javax.crypto, crm-core, BouncyCastle, argon2-jvm and zxcvbn4j's
 * password list; data only through
 * core ports. Each rule is also run on a deliberately bad set of classes (test sources,
 * {@code ...privacy.architecture.bad}) to show that it fails, and on no classes at all.
 */
class PrivacyArchitectureTest {

  static final JavaClasses PRIVACY = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.custodian.crm.privacy");

  /**
   * crm-privacy uses nothing outside {@code java..}, {@code javax.crypto..}, crm-core,
   * BouncyCastle (HKDF), argon2-jvm (Argon2id) and zxcvbn4j (its common-password list), and no
   * JDBC: it reaches data only through crm-core's ports.
   */
  static final ArchRule PRIVACY_USES_ONLY_CORE_AND_CRYPTO = noClasses()
      .that().resideInAPackage("dev.custodian.crm.privacy..")
      .should().dependOnClassesThat().resideOutsideOfPackages(
          "java..", "javax.crypto..", "dev.custodian.crm.core..", "dev.custodian.crm.privacy..",
          "org.bouncycastle..", "de.mkammerer.argon2..", "com.nulabinc.zxcvbn..")
      .orShould().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..")
      .because("privacy engines reach data only through crm-core's ports");

  static final ArchRule NO_PACKAGE_CYCLES = SlicesRuleDefinition.slices()
      .matching("dev.custodian.crm.privacy.(**)")
      .should().beFreeOfCycles();

  private static final String BAD = "dev.custodian.crm.privacy.architecture.bad";

  @Test
  void privacyUsesOnlyJavaCryptoAndCore() {
    PRIVACY_USES_ONLY_CORE_AND_CRYPTO.check(PRIVACY);
  }

  @Test
  void privacyPackagesAreFreeOfCycles() {
    NO_PACKAGE_CYCLES.check(PRIVACY);
  }

  @Test
  void productionImportHoldsNoTestClasses() {
    assertThat(PRIVACY.contain(BAD + ".jdbc.UsesJdbc")).isFalse();
    assertThat(PRIVACY.contain(PrivacyArchitectureTest.class)).isFalse();
  }

  @Test
  void givenPrivacyClassUsingJdbc_thenPurityRuleFails() {
    JavaClasses bad = importBad("jdbc");
    assertThatThrownBy(() -> PRIVACY_USES_ONLY_CORE_AND_CRYPTO.check(bad))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("UsesJdbc")
        .hasMessageContaining("java.sql.Connection");
  }

  @Test
  void givenPrivacyClassUsingDataSource_thenPurityRuleFails() {
    JavaClasses bad = importBad("datasource");
    assertThatThrownBy(() -> PRIVACY_USES_ONLY_CORE_AND_CRYPTO.check(bad))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("UsesDataSource")
        .hasMessageContaining("javax.sql.DataSource");
  }

  @Test
  void givenPrivacyClassUsingThirdPartyLibrary_thenPurityRuleFails() {
    JavaClasses bad = importBad("thirdparty");
    assertThatThrownBy(() -> PRIVACY_USES_ONLY_CORE_AND_CRYPTO.check(bad))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("UsesThirdParty")
        .hasMessageContaining("org.assertj");
  }

  @Test
  void givenTwoPackagesUsingEachOther_thenCycleRuleFails() {
    JavaClasses bad = importBad("cycle");
    PRIVACY_USES_ONLY_CORE_AND_CRYPTO.check(bad); // javax.crypto is allowed: only the cycle is wrong
    assertThatThrownBy(() -> NO_PACKAGE_CYCLES.check(bad))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Cycle detected")
        .hasMessageContaining("cycle.a")
        .hasMessageContaining("cycle.b");
  }

  @Test
  void givenNoClassesAtAll_thenEveryRuleFails() {
    JavaClasses none = new ClassFileImporter().importClasses();
    for (ArchRule rule : new ArchRule[] {PRIVACY_USES_ONLY_CORE_AND_CRYPTO, NO_PACKAGE_CYCLES}) {
      assertThatThrownBy(() -> rule.check(none)).isInstanceOf(AssertionError.class);
    }
  }

  /** The classes of one bad package, test classes included (they are test classes). */
  private static JavaClasses importBad(String subpackage) {
    JavaClasses classes = new ClassFileImporter().importPackages(BAD + "." + subpackage);
    assertThat(classes).as("bad classes in %s", subpackage).isNotEmpty();
    return classes;
  }
}
