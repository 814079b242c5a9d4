package org.examledger.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.examledger.exam.violation.ReachesIntoService;
import org.junit.jupiter.api.Test;

/** What may depend on what across modules (docs/architecture.md). */
class ModuleBoundaryTest {

  static final ArchRule CORE_IS_INNERMOST =
      noClasses()
          .that()
          .resideInAPackage(
              "org.examledger.(bundle|bytes|canonical|crypto|merkle|checkpoint|envelope|exam|keys|statements|proof|ledger|verify|privacy|secrets)..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.examledger.projections..", "org.examledger.api..");

  static final ArchRule PROJECTIONS_DO_NOT_KNOW_THE_SERVICE =
      noClasses()
          .that()
          .resideInAPackage("org.examledger.projections..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.examledger.api..", "org.springframework.boot..", "org.springframework.web..");

  static final ArchRule NO_AXON_SERVER =
      noClasses().should().dependOnClassesThat().resideInAPackage("org.axonframework.axonserver..");

  /** The server assembles bundles with ledger-core's assembler; the CLI is only a test tool. */
  static final ArchRule SERVICE_DOES_NOT_USE_THE_CLI =
      noClasses()
          .that()
          .resideInAPackage("org.examledger.api..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.examledger.cli..");

  private static final JavaClasses LEDGER =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.examledger");

  @Test
  void coreDependsOnNeitherProjectionsNorService() {
    CORE_IS_INNERMOST.check(LEDGER);
  }

  @Test
  void projectionsDependOnNoServiceCode() {
    PROJECTIONS_DO_NOT_KNOW_THE_SERVICE.check(LEDGER);
  }

  @Test
  void serviceDependsOnNoCliCode() {
    SERVICE_DOES_NOT_USE_THE_CLI.check(LEDGER);
  }

  @Test
  void nothingUsesAxonServer() {
    NO_AXON_SERVER.check(LEDGER);
  }

  @Test
  void boundaryRuleFiresOnADomainClassThatReachesIntoTheService() {
    JavaClasses offender = new ClassFileImporter().importClasses(ReachesIntoService.class);
    EvaluationResult result = CORE_IS_INNERMOST.evaluate(offender);
    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().getDetails())
        .anySatisfy(
            d -> assertThat(d).contains("ReachesIntoService").contains("LedgerApplication"));
  }
}
