package airzone.screen;

/** One row of a batch: its number in the input (1 = first data row), and either a site or why it was refused. */
public record BatchRow(int row, String name, Site site, String error) {

    static BatchRow ok(int row, Site site) {
        return new BatchRow(row, site.name(), site, null);
    }

    static BatchRow refused(int row, String name, String error) {
        return new BatchRow(row, name, null, error);
    }
}
