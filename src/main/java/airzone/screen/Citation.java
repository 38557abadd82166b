package airzone.screen;

/** Where a finding's rule is written: the seed document's file name, its title and the clause. */
public record Citation(String document, String title, String clause) {
}
