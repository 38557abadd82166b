package airzone.screen;

/** What a batch upload is by its first bytes, before anything trusts its name or content type. */
enum FileKind {
    /** PK\3\4: every .xlsx is a zip */
    ZIP,
    /** D0 CF 11 E0: an OLE2 compound file, i.e. an Excel 97-2003 .xls or a password-protected .xlsx */
    OLE2,
    /** a UTF-16 byte-order mark: Excel's "Unicode Text" */
    UTF16,
    /** NUL bytes or the signature of a picture or PDF: no text at all */
    BINARY,
    TEXT;

    private static final int SNIFFED = 4096;

    static FileKind of(byte[] b) {
        if (starts(b, 0x50, 0x4B, 0x03, 0x04)) return ZIP;
        if (starts(b, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) return OLE2;
        if (starts(b, 0xFF, 0xFE) || starts(b, 0xFE, 0xFF)) return UTF16;
        if (starts(b, 0x25, 0x50, 0x44, 0x46) || starts(b, 0x89, 0x50, 0x4E, 0x47) || starts(b, 0xFF, 0xD8, 0xFF) || starts(b, 0x47, 0x49, 0x46, 0x38)) return BINARY;
        for (int i = 0; i < Math.min(b.length, SNIFFED); i++) if (b[i] == 0) return BINARY;
        return TEXT;
    }

    private static boolean starts(byte[] b, int... signature) {
        if (b.length < signature.length) return false;
        for (int i = 0; i < signature.length; i++) if ((b[i] & 0xFF) != signature[i]) return false;
        return true;
    }
}
