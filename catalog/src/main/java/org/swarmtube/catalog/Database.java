package org.swarmtube.catalog;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.swarmtube.catalog.VideoStore.StoreException;

/**
 * The node's H2 database file and its one connection, shared by {@link VideoStore} and
 * {@link ChannelStore}.
 *
 * <p>Every call runs while holding this object's monitor, so reads and writes are serialized: one
 * JDBC connection must not be used by two threads at once, and serializing writes means a merge
 * never interleaves with a subscription change. A write runs in one transaction and leaves the
 * database as it was when it throws.
 */
final class Database implements AutoCloseable {
    private final Connection connection;
    private final Clock clock;

    private Database(Connection connection, Clock clock) {
        this.connection = connection;
        this.clock = clock;
    }

    /**
     * Opens (creating if needed) {@code swarmtube.mv.db} in {@code dataDir} and applies pending migrations.
     *
     * @throws StoreException if the file cannot be opened, for example because another process holds it
     */
    static Database open(Path dataDir, Clock clock) {
        Objects.requireNonNull(clock, "clock");
        JdbcDataSource source = new JdbcDataSource();
        source.setURL("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("swarmtube") + ";DB_CLOSE_ON_EXIT=FALSE");
        try {
            Flyway.configure().dataSource(source).loggers("slf4j").load().migrate();
            return new Database(source.getConnection(), clock);
        } catch (SQLException | RuntimeException e) {
            throw new StoreException("cannot open the database in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    /** The store's notion of now, for the times it records. */
    Instant now() {
        return clock.instant();
    }

    /**
     * Runs {@code work} outside a transaction (each statement commits on its own).
     *
     * @param what what the work does, for the error message ("cannot " + what)
     */
    synchronized <T, X extends Exception> T read(String what, Work<T, X> work) throws X {
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreException("cannot " + what + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs {@code work} in one transaction: committed if it returns, rolled back if it throws
     * anything, including {@code X}.
     */
    synchronized <T, X extends Exception> T write(String what, Work<T, X> work) throws X {
        boolean committed = false;
        try {
            connection.setAutoCommit(false);
            T result = work.run(connection);
            connection.commit();
            committed = true;
            return result;
        } catch (SQLException e) {
            throw new StoreException("cannot " + what + ": " + e.getMessage(), e);
        } finally {
            if (!committed) rollback();
            autoCommit();
        }
    }

    private void rollback() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the original failure is the one worth reporting
        }
    }

    private void autoCommit() {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException ignored) {
            // the connection is broken; the next call reports it
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close the database: " + e.getMessage(), e);
        }
    }

    /** Database work that may fail with SQL errors and with one checked exception of its own. */
    @FunctionalInterface
    interface Work<T, X extends Exception> {
        T run(Connection connection) throws SQLException, X;
    }
}
