package io.webprobe;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering of STYLE.md: the engine (http, crawl, ping, store, export) knows nothing of
 * JavaFX or the UI, the command line knows nothing of JavaFX, and main code writes to the
 * console only through the launcher and a logger.
 */
@AnalyzeClasses(packages = "io.webprobe", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String[] ENGINE = {
        "io.webprobe.http..",
        "io.webprobe.crawl..",
        "io.webprobe.ping..",
        "io.webprobe.store..",
        "io.webprobe.export..",
    };

    @ArchTest
    static final ArchRule engineDoesNotUseJavaFx = noClasses()
            .that().resideInAnyPackage(ENGINE)
            .should().dependOnClassesThat().resideInAnyPackage("javafx..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule engineDoesNotUseTheUiOrTheApp = noClasses()
            .that().resideInAnyPackage(ENGINE)
            .should().dependOnClassesThat()
            .resideInAnyPackage("io.webprobe.ui..", "io.webprobe.app..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule commandLineDoesNotUseJavaFxOrTheUi = noClasses()
            .that().resideInAPackage("io.webprobe.cli..")
            .should().dependOnClassesThat()
            .resideInAnyPackage("javafx..", "io.webprobe.ui..");

    @ArchTest
    static final ArchRule onlyTheLauncherUsesSystemOutAndErr = noClasses()
            .that().doNotHaveFullyQualifiedName("io.webprobe.app.Launcher")
            // the Java 8 Main-Class that says "needs Java 21" before any logger can load
            .and().doNotHaveFullyQualifiedName("io.webprobe.app.JavaVersionGate")
            .should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err")
            .because("output goes through a logger, or picocli's writers in the CLI");

    @ArchTest
    static final ArchRule nothingPrintsStackTraces = noClasses()
            .should().callMethodWhere(printStackTraceOfAnyThrowable())
            .because("the stack trace is logged once, where the error is presented");

    @ArchTest
    static final ArchRule numberBoxesAreMadeInOnePlace = noClasses()
            .that().doNotHaveFullyQualifiedName("io.webprobe.ui.common.Spinners")
            .should().callConstructorWhere(DescribedPredicate.describe(
                    "a Spinner or SpinnerValueFactory constructor",
                    access -> access.getTargetOwner().isAssignableTo(javafx.scene.control.Spinner.class)
                            || access.getTargetOwner().isAssignableTo(
                                    javafx.scene.control.SpinnerValueFactory.class)))
            .because("ui.common.Spinners reads typed text without throwing (JavaFX's own "
                    + "converters raise an error dialog on letters)");

    /** Any printStackTrace overload, declared on Throwable or called through a subclass. */
    private static DescribedPredicate<JavaAccess<?>> printStackTraceOfAnyThrowable() {
        return DescribedPredicate.describe("Throwable.printStackTrace",
                access -> access.getName().equals("printStackTrace")
                        && access.getTargetOwner().isAssignableTo(Throwable.class));
    }
}
