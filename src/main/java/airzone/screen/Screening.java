package airzone.screen;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** The answer for one site: where it lies, every finding, and the worst severity as the verdict. */
public record Screening(Site site, ObjectNode district, List<Finding> findings, Severity verdict) {
}
