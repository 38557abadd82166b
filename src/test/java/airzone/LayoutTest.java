package airzone;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package dependency rules of docs/architecture.md ("Packages and the direction of their
 * dependencies"), checked on the compiled main classes: each package may use only those listed for it,
 * so an upward edge (say {@code layer} importing {@code auth}) fails here with the offending line.
 */
@AnalyzeClasses(packages = "airzone", importOptions = ImportOption.DoNotIncludeTests.class)
class LayoutTest {

    @ArchTest
    static final ArchRule eachPackageUsesOnlyThoseBelowIt = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .ensureAllClassesAreContainedInArchitecture()
            .layer("text").definedBy("airzone.text..")
            .layer("geo").definedBy("airzone.geo..")
            .layer("coordinates").definedBy("airzone.coordinates..")
            .layer("disk").definedBy("airzone.disk..")
            .layer("config").definedBy("airzone.config..")
            .layer("layer").definedBy("airzone.layer..")
            .layer("auth").definedBy("airzone.auth..")
            .layer("rules").definedBy("airzone.rules..")
            .layer("seed").definedBy("airzone.seed..")
            .layer("screen").definedBy("airzone.screen..")
            .layer("report").definedBy("airzone.report..")
            .layer("edit").definedBy("airzone.edit..")
            .layer("io").definedBy("airzone.io..")
            .layer("changes").definedBy("airzone.changes..")
            .layer("http").definedBy("airzone.http..")
            .layer("store").definedBy("airzone.store..")
            .layer("app").definedBy("airzone")

            .whereLayer("text").mayNotAccessAnyLayer()
            .whereLayer("geo").mayNotAccessAnyLayer()
            .whereLayer("coordinates").mayOnlyAccessLayers("geo")
            .whereLayer("disk").mayNotAccessAnyLayer()
            .whereLayer("config").mayOnlyAccessLayers("disk")
            .whereLayer("layer").mayOnlyAccessLayers("geo")
            .whereLayer("auth").mayOnlyAccessLayers("layer")
            .whereLayer("rules").mayOnlyAccessLayers("text", "geo", "layer")
            .whereLayer("seed").mayOnlyAccessLayers("geo", "layer")
            .whereLayer("screen").mayOnlyAccessLayers("text", "geo", "coordinates", "disk", "layer", "rules")
            .whereLayer("report").mayOnlyAccessLayers("text", "geo", "layer", "rules", "screen")
            .whereLayer("edit").mayOnlyAccessLayers("text", "geo", "layer", "auth", "rules", "screen")
            .whereLayer("io").mayOnlyAccessLayers("text", "geo", "disk", "layer", "auth", "edit")
            .whereLayer("changes").mayOnlyAccessLayers("layer", "rules")
            .whereLayer("http").mayOnlyAccessLayers("text", "geo", "coordinates", "disk", "config", "layer", "auth",
                    "rules", "screen", "report", "edit", "io", "changes")
            .whereLayer("store").mayOnlyAccessLayers("geo", "disk", "layer", "auth")
            .whereLayer("app").mayNotBeAccessedByAnyLayer();

    @ArchTest
    static final ArchRule noCyclesBetweenPackages = slices().matching("airzone.(*)..").should().beFreeOfCycles();
}
