package dev.custodian.crm.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import dev.custodian.crm.core.consent.PurposeBound;
import dev.custodian.crm.core.consent.service.ProcessingGuard;
import org.junit.jupiter.api.Test;

/**
 * Purity of crm-core: plain Java only, no JDBC, no package cycles. Each rule is also run on a
 * deliberately bad set of classes (test sources, {@code ...core.architecture.bad}) to show that it
 * fails, and on no classes at all to show that an empty match fails instead of passing.
 */
class CoreArchitectureTest {

  static final JavaClasses CORE = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.custodian.crm.core");

  /** crm-core depends on nothing outside {@code java..} and itself, and not on {@code java.sql..}. */
  static final ArchRule CORE_IS_PURE_JAVA = noClasses()
      .that().resideInAPackage("dev.custodian.crm.core..")
      .should().dependOnClassesThat().resideOutsideOfPackages("java..", "dev.custodian.crm.core..")
      .orShould().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..")
      .because("the core is a pure-Java library that adapters plug into");

  static final ArchRule NO_PACKAGE_CYCLES = SlicesRuleDefinition.slices()
      .matching("dev.custodian.crm.core.(**)")
      .should().beFreeOfCycles();

  /**
   * No cycles between the features of the core, each feature being everything under its first
   * package ({@code contact..}, {@code erasure..}, ...), so two features cannot use each other even
   * through packages that are each free of cycles. The shared packages ({@code common},
   * {@code tenancy}) are slices like the features: they may not use a feature that uses them.
   */
  static ArchRule featuresAreFreeOfCycles(String root) {
    return SlicesRuleDefinition.slices()
        .matching(root + ".(*)..")
        .namingSlices("feature $1")
        .should().beFreeOfCycles();
  }

  /**
   * A service marked {@link PurposeBound} processes contacts' data for a purpose: it holds the
   * {@link ProcessingGuard} (a field, set by its constructor) to ask per contact. Fails on no match.
   */
  static final ArchRule PURPOSE_BOUND_SERVICES_HOLD_THE_GUARD = classes()
      .that().implement(PurposeBound.class).and().areNotInterfaces()
      .should(new ArchCondition<JavaClass>("hold a ProcessingGuard") {
        @Override
        public void check(JavaClass item, ConditionEvents events) {
          boolean holds = item.getAllFields().stream()
              .anyMatch(field -> field.getRawType().isAssignableTo(ProcessingGuard.class));
          if (!holds) {
            events.add(SimpleConditionEvent.violated(item, item.getName() + " is PurposeBound but holds no ProcessingGuard"));
          }
        }
      })
      .allowEmptyShould(false);

  private static final String BAD = "dev.custodian.crm.core.architecture.bad";

  @Test
  void purposeBoundServicesHoldTheGuard() {
    PURPOSE_BOUND_SERVICES_HOLD_THE_GUARD.check(CORE);
  }

  @Test
  void givenAPurposeBoundServiceWithoutTheGuard_thenTheGuardRuleFails() {
    JavaClasses bad = importBad("purpose");
    assertThatThrownBy(() -> PURPOSE_BOUND_SERVICES_HOLD_THE_GUARD.check(bad))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("UnguardedMailer");
  }

  @Test
  void coreUsesOnlyJavaAndItself() {
    CORE_IS_PURE_JAVA.check(CORE);
  }

  @Test
  void corePackagesAreFreeOfCycles() {
    NO_PACKAGE_CYCLES.check(CORE);
  }

  @Test
  void coreFeaturesAreFreeOfCycles() {
    featuresAreFreeOfCycles("dev.custodian.crm.core").check(CORE);
  }

  @Test
  void givenTwoFeaturesUsingEachOtherThroughAcyclicPackages_thenFeatureCycleRuleFails() {
    JavaClasses bad = importBad("featurecycle");
    NO_PACKAGE_CYCLES.check(bad); // package by package there is no cycle ...
    assertThatThrownBy(() -> featuresAreFreeOfCycles(BAD + ".featurecycle").check(bad)) // ... feature by feature there is
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Cycle detected")
        .hasMessageContaining("feature alpha")
        .hasMessageContaining("feature beta");
  }

  @Test
  void productionImportHoldsNoTestClasses() {
    assertThat(CORE.contain(BAD + ".jdbc.UsesJdbc")).isFalse();
    assertThat(CORE.contain(CoreArchitectureTest.class)).isFalse();
  }

  @Test
  void givenCoreClassUsingJdbc_thenPureJavaRuleFails() {
    JavaClasses bad = importBad("jdbc");
    assertThatThrownBy(() -> CORE_IS_PURE_JAVA.check(bad))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("UsesJdbc")
        .hasMessageContaining("java.sql.Connection");
  }

  @Test
  void givenCoreClassUsingThirdPartyLibrary_thenPureJavaRuleFails() {
    JavaClasses bad = importBad("thirdparty");
    assertThatThrownBy(() -> CORE_IS_PURE_JAVA.check(bad))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("UsesThirdParty")
        .hasMessageContaining("org.assertj");
  }

  @Test
  void givenTwoPackagesUsingEachOther_thenCycleRuleFails() {
    JavaClasses bad = importBad("cycle");
    CORE_IS_PURE_JAVA.check(bad); // pure Java: only the cycle is wrong with them
    assertThatThrownBy(() -> NO_PACKAGE_CYCLES.check(bad))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Cycle detected")
        .hasMessageContaining("cycle.a")
        .hasMessageContaining("cycle.b");
  }

  @Test
  void givenNoClassesAtAll_thenEveryRuleFails() {
    JavaClasses none = new ClassFileImporter().importClasses();
    for (ArchRule rule : new ArchRule[] {CORE_IS_PURE_JAVA, NO_PACKAGE_CYCLES, PURPOSE_BOUND_SERVICES_HOLD_THE_GUARD,
        featuresAreFreeOfCycles("dev.custodian.crm.core")}) {
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
