package cn.example.servicehall.identity.keycloak;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The official Keycloak server distribution, {@code org.keycloak:keycloak-quarkus-dist:<version>:zip}, taken from the
 * local Maven repository or, when it is not there yet, downloaded from Maven Central into it (SHA-1 checked, as Maven
 * would), then unpacked once.
 */
final class KeycloakDistribution {

	private static final Logger log = LoggerFactory.getLogger(KeycloakDistribution.class);

	private final String version;

	private final Path localRepository;

	private final URI remoteRepository;

	KeycloakDistribution(String version, Path localRepository, URI remoteRepository) {
		this.version = version;
		this.localRepository = localRepository;
		this.remoteRepository = remoteRepository;
	}

	static Path defaultLocalRepository() {
		String configured = System.getProperty("maven.repo.local");
		return configured != null ? Path.of(configured)
				: Path.of(System.getProperty("user.home"), ".m2", "repository");
	}

	/** The unpacked distribution under {@code parent}: {@code parent/keycloak-<version>}. */
	Path unpackedIn(Path parent) throws IOException {
		Path home = parent.resolve("keycloak-" + this.version);
		Path marker = home.resolve(".unpacked");
		if (Files.exists(marker)) {
			return home;
		}
		Path zip = archive();
		log.info("Unpacking Keycloak {} into {}", this.version, home);
		Path staging = Files.createTempDirectory(parent, ".keycloak-unpack");
		try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
			ZipEntry entry;
			while ((entry = in.getNextEntry()) != null) {
				Path target = staging.resolve(entry.getName()).normalize();
				if (!target.startsWith(staging)) {
					throw new IOException("Refusing zip entry outside the target folder: " + entry.getName());
				}
				if (entry.isDirectory()) {
					Files.createDirectories(target);
				}
				else {
					Files.createDirectories(target.getParent());
					Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
		Path unpacked = staging.resolve("keycloak-" + this.version);
		try (var scripts = Files.list(unpacked.resolve("bin"))) {
			scripts.filter(p -> p.toString().endsWith(".sh")).forEach(p -> p.toFile().setExecutable(true));
		}
		if (Files.exists(home)) {
			org.springframework.util.FileSystemUtils.deleteRecursively(home);
		}
		Files.move(unpacked, home);
		org.springframework.util.FileSystemUtils.deleteRecursively(staging);
		Files.writeString(marker, this.version);
		return home;
	}

	/** The zip in the local repository, downloaded first if it is missing. */
	Path archive() throws IOException {
		String relative = "org/keycloak/keycloak-quarkus-dist/" + this.version + "/keycloak-quarkus-dist-" + this.version
				+ ".zip";
		Path zip = this.localRepository.resolve(relative);
		if (Files.isRegularFile(zip)) {
			return zip;
		}
		URI remote = this.remoteRepository.resolve(relative);
		log.info("Keycloak {} is not in {} yet; downloading {} (about 180 MB, once)", this.version,
				this.localRepository, remote);
		HttpClient http = HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NORMAL)
			.connectTimeout(Duration.ofSeconds(20))
			.build();
		String expectedSha1;
		try {
			HttpResponse<String> sha1 = http.send(HttpRequest.newBuilder(URI.create(remote + ".sha1")).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.US_ASCII));
			if (sha1.statusCode() != 200) {
				throw new IOException("HTTP " + sha1.statusCode() + " for " + remote + ".sha1");
			}
			expectedSha1 = sha1.body().trim().split("\\s+")[0].toLowerCase();
			Files.createDirectories(zip.getParent());
			Path partial = zip.resolveSibling(zip.getFileName() + ".part");
			HttpResponse<InputStream> body = http.send(HttpRequest.newBuilder(remote).build(),
					HttpResponse.BodyHandlers.ofInputStream());
			if (body.statusCode() != 200) {
				throw new IOException("HTTP " + body.statusCode() + " for " + remote);
			}
			long total = body.headers().firstValueAsLong("Content-Length").orElse(-1);
			MessageDigest digest = MessageDigest.getInstance("SHA-1");
			try (InputStream in = new DigestInputStream(body.body(), digest);
					OutputStream out = Files.newOutputStream(partial)) {
				byte[] buffer = new byte[1 << 16];
				long copied = 0;
				int nextReport = 10;
				int read;
				while ((read = in.read(buffer)) > 0) {
					out.write(buffer, 0, read);
					copied += read;
					if (total > 0 && copied * 100 / total >= nextReport) {
						log.info("Downloading Keycloak {}: {} %", this.version, nextReport);
						nextReport += 10;
					}
				}
			}
			String actual = HexFormat.of().formatHex(digest.digest());
			if (!actual.equals(expectedSha1)) {
				Files.deleteIfExists(partial);
				throw new IOException("Checksum mismatch for " + remote + ": expected " + expectedSha1 + ", got " + actual);
			}
			Files.move(partial, zip, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			Files.writeString(zip.resolveSibling(zip.getFileName() + ".sha1"), expectedSha1);
			return zip;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted while downloading Keycloak", ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
