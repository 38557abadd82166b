package airzone.screen;

/** How hard a finding binds, in order: the verdict of a screening is its worst finding. */
public enum Severity {
    INFO("info"), ACTION_REQUIRED("action_required"), PROHIBITED("prohibited");

    private final String code;

    Severity(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
