package airzone.rules;

/** A rule parameter change that is refused; {@link #field()} names what was wrong as {@code rule.parameter}. */
public final class InvalidParameter extends RuntimeException {

    private final String field;

    InvalidParameter(String field, String problem) {
        super(field + " " + problem);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
