package app.glide.web;

import io.quarkus.logging.LoggingFilter;
import java.util.logging.Filter;
import java.util.logging.LogRecord;

/**
 * Drops the transaction manager's per-request warning (with stack trace) when a flush at
 * commit fails for an expected database reason (a lock timeout, the database gone): that
 * request answers 503 and {@link DbOutages} logs the episode once. Every other record, and
 * this one for any other cause, passes.
 */
@LoggingFilter(name = "expected-db-failures")
public final class ExpectedDbFailureLogFilter implements Filter {

    @Override
    public boolean isLoggable(LogRecord record) {
        String logger = record.getLoggerName();
        if (logger == null || !logger.startsWith("com.arjuna") || record.getThrown() == null) {
            return true;
        }
        String message = record.getMessage();
        if (message == null || !message.contains("ARJUNA012125")) { // beforeCompletion failed
            return true;
        }
        return DbFailure.classify(record.getThrown()) == null;
    }
}
