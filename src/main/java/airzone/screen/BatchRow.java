package airzone.screen;

/** One row of a batch: its number in the input (1 = first data row), and either a site or why it was refused. */
public record BatchRow(int row, String name, Site site, String error) {

    static BatchRow ok(int row, Site site) {
        return new BatchRow(row, site.name(), site, null);
    }

    /** A refused row echoes at most the first {@value #ECHOED} characters of its name: enough to find it, never a megabyte back. */
    static BatchRow refused(int row, String name, String error) {
        String echoed = name == null || name.length() <= ECHOED ? name : name.substring(0, ECHOED) + "…";
        return new BatchRow(row, echoed, null, error);
    }

    private static final int ECHOED = 100;
}
