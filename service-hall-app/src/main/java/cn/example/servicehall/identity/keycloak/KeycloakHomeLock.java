package cn.example.servicehall.identity.keycloak;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * An OS lock on {@code keycloak.lock} in the Keycloak home, held by the hall that runs the Keycloak there for as long
 * as it runs it. The OS releases it when that hall dies, however it dies: a Keycloak whose home is not locked is an
 * orphan, one whose home is locked belongs to a live hall and is left alone.
 */
final class KeycloakHomeLock implements AutoCloseable {

	static final String FILE = "keycloak.lock";

	private final FileChannel channel;

	private final FileLock lock;

	private KeycloakHomeLock(FileChannel channel, FileLock lock) {
		this.channel = channel;
		this.lock = lock;
	}

	/** The lock, or empty when a live hall (this JVM included) holds it. */
	static Optional<KeycloakHomeLock> tryAcquire(Path home) throws IOException {
		FileChannel channel = FileChannel.open(home.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
		try {
			FileLock lock = channel.tryLock();
			if (lock != null) {
				return Optional.of(new KeycloakHomeLock(channel, lock));
			}
		}
		catch (OverlappingFileLockException ex) {
			// held in this JVM
		}
		channel.close();
		return Optional.empty();
	}

	/** Whether a live hall runs the Keycloak in {@code home}. */
	static boolean isHeld(Path home) throws IOException {
		if (!Files.exists(home.resolve(FILE))) {
			return false;
		}
		Optional<KeycloakHomeLock> lock = tryAcquire(home);
		lock.ifPresent(KeycloakHomeLock::close);
		return lock.isEmpty();
	}

	@Override
	public void close() {
		try {
			this.lock.release();
			this.channel.close();
		}
		catch (IOException ex) {
			// closing the channel releases the lock in any case
		}
	}

}
