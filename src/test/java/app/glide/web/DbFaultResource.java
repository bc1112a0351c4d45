package app.glide.web;

import jakarta.annotation.security.PermitAll;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.sql.SQLException;
import javax.transaction.xa.XAException;

/** Test-only endpoint (src/test): fails as the driver would with the given SQLSTATE, wrapped as Hibernate wraps it. */
@Path("/test-only/db-fault/{state}")
public class DbFaultResource {

    @GET
    @PermitAll
    public String fail(@PathParam("state") String state) {
        if (state.equals("commit")) {
            RollbackException e = new RollbackException(
                    "ARJUNA016053: Could not commit transaction.");
            XAException xa = new XAException(
                    "Error trying to transactionCommit local transaction");
            xa.initCause(new SQLException("An I/O error occurred while sending to the backend.", "08006"));
            e.initCause(xa); // as Narayana reports a failed one-phase commit of Agroal's local resource
            throw new IllegalStateException(e);
        }
        throw new PersistenceException("simulated", new SQLException("simulated failure " + state, state));
    }
}
