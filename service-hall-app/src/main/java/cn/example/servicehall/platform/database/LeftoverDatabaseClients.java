package cn.example.servicehall.platform.database;

import java.util.List;

/**
 * Processes a hall killed without shutting down ({@code kill -9}) may have left running that hold connections to its
 * embedded PostgreSQL server, such as its local Keycloak. Before the embedded server starts, the hall stops every such
 * leftover first, then the orphaned server, which would otherwise wait for their connections.
 * <p>
 * Implementations run before the database exists, so they must not need it, and they must leave alone what a live
 * hall still runs.
 */
public interface LeftoverDatabaseClients {

	/**
	 * Stops what a previous run of the hall left running.
	 * @return what was found and stopped, one phrase each for the log (pids, how it was stopped); empty if nothing
	 */
	List<String> stopLeftovers();

}
