package app.glide.web;

import jakarta.annotation.security.PermitAll;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.sql.SQLException;

/** Test-only endpoint (src/test): fails as the driver would with the given SQLSTATE, wrapped as Hibernate wraps it. */
@Path("/test-only/db-fault/{state}")
public class DbFaultResource {

    @GET
    @PermitAll
    public String fail(@PathParam("state") String state) {
        if (state.equals("commit")) {
            jakarta.transaction.RollbackException e = new jakarta.transaction.RollbackException(
                    "ARJUNA016053: Could not commit transaction.");
            javax.transaction.xa.XAException xa = new javax.transaction.xa.XAException(
                    "Error trying to transactionCommit local transaction");
            xa.initCause(new SQLException("An I/O error occurred while sending to the backend.", "08006"));
            e.initCause(xa); // as Narayana reports a failed one-phase commit of Agroal's local resource
            throw new IllegalStateException(e);
        }
        throw new PersistenceException("simulated", new SQLException("simulated failure " + state, state));
    }
}
