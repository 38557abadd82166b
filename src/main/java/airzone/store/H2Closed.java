package airzone.store;

import com.zaxxer.hikari.SQLExceptionOverride;
import org.h2.api.ErrorCode;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStoreException;

import java.sql.SQLException;

/**
 * Recognises the failures after which H2 has closed its database: a file write that failed (a full
 * disk) makes the MVStore close itself ("panic"), and every session on it then answers "database is
 * closed" (90098) — or, reused, can spin for ever inside H2. HikariCP keeps connections through
 * vendor codes it does not know, so it is told here to drop them; a fresh connection reopens the
 * database from its file, which holds exactly the writes that reached it.
 */
public final class H2Closed implements SQLExceptionOverride {

    static boolean databaseClosed(SQLException e) {
        if (e.getErrorCode() == ErrorCode.DATABASE_IS_CLOSED || e.getErrorCode() == ErrorCode.DATABASE_CALLED_AT_SHUTDOWN) {
            return true;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MVStoreException store && (store.getErrorCode() == DataUtils.ERROR_WRITING_FAILED
                    || store.getErrorCode() == DataUtils.ERROR_CLOSED)) {
                return true;
            }
        }
        return false;
    }

    @java.lang.Override
    public Override adjudicate(SQLException e) {
        return databaseClosed(e) ? Override.MUST_EVICT : Override.CONTINUE_EVICT;
    }
}
