package airzone.edit;

import airzone.layer.Feature;

import java.util.List;

/** A feature that passed validation, ready to store, with what was repaired on the way (empty when nothing was). */
public record Validated(Feature feature, List<String> repairs) {
}
