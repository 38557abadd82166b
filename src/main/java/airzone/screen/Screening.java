package airzone.screen;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * The answer for one site: where it lies, every finding, the worst severity as the verdict, and the
 * versions of the layers it was screened against (those of the index it ran on).
 */
public record Screening(Site site, ObjectNode district, List<Finding> findings, Severity verdict, List<LayerVersion> dataVersions) {
}
