package cn.example.servicehall.platform.database;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Before the embedded server starts: cleans up what a hall killed on this data directory left running, in the order
 * that works. First the processes that hold connections to its server (its Keycloak), then the server itself, whose
 * smart shutdown would otherwise wait for them. Nothing is touched while a live hall uses the data directory. Says in
 * one line of the log what it found and stopped.
 */
final class DeadHallCleanup {

	private static final Logger log = LoggerFactory.getLogger(DeadHallCleanup.class);

	private DeadHallCleanup() {
	}

	static void run(Path dataDir, List<LeftoverDatabaseClients> clients) throws IOException {
		OrphanedPostmaster.ensureNoLiveHallUses(dataDir);
		List<String> cleaned = new ArrayList<>();
		for (LeftoverDatabaseClients client : clients) {
			cleaned.addAll(client.stopLeftovers());
		}
		OrphanedPostmaster.stopIfPresent(dataDir).ifPresent(stopped -> cleaned.add(stopped.describe()));
		if (!cleaned.isEmpty()) {
			log.warn("The last hall on {} did not shut down cleanly (killed?). Cleaned up what it left running: {}. "
					+ "Starting afresh on the same data.", dataDir, String.join("; ", cleaned));
		}
	}

}
