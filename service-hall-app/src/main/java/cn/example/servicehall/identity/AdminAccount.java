package cn.example.servicehall.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.StringUtils;

/**
 * Resolves the operator's password: from configuration when given, else from the password file, else a new random
 * one written to that file with owner-only permissions. Nothing is hard-coded.
 */
final class AdminAccount {

	private static final Logger log = LoggerFactory.getLogger(AdminAccount.class);

	private AdminAccount() {
	}

	static String password(AdminAccountSettings settings) {
		if (StringUtils.hasText(settings.password())) {
			return settings.password();
		}
		Path file = settings.passwordFile().toAbsolutePath().normalize();
		try {
			if (Files.exists(file)) {
				String stored = Files.readString(file, StandardCharsets.UTF_8).strip();
				if (!stored.isEmpty()) {
					log.info("The password of '{}' is in {}", settings.username(), file);
					return stored;
				}
			}
			byte[] random = new byte[18];
			new SecureRandom().nextBytes(random);
			String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
			Files.createDirectories(file.getParent());
			Files.deleteIfExists(file);
			Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			Files.writeString(file, generated + "\n", StandardCharsets.UTF_8);
			log.warn("Generated a password for '{}' and wrote it to {} (owner-only). Set SERVICEHALL_ADMIN_PASSWORD "
					+ "to choose your own.", settings.username(), file);
			return generated;
		}
		catch (UnsupportedOperationException ex) {
			throw new IllegalStateException("Cannot protect " + file + " on this file system; set SERVICEHALL_ADMIN_PASSWORD", ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read or write " + file, ex);
		}
	}

}
