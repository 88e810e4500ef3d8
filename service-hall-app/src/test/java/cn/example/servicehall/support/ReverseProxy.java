package cn.example.servicehall.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real nginx (the Debian package {@code nginx}) in front of a server on this machine, run as a child process of
 * the test: its own configuration, port, pid and logs in a temporary folder, in the foreground, stopped by
 * {@link #close()}. It forwards as the README's snippet does (section "Behind a proxy"): {@code X-Forwarded-Proto} set
 * to its own scheme whatever the client sent, and {@code X-Forwarded-For} as the README has it for the hall (the
 * client's address appended to whatever the client sent) or for Keycloak (replaced by the client's address). Its
 * access log notes each client's address and the {@code X-Forwarded-For} it passed on.
 */
public final class ReverseProxy implements AutoCloseable {

	private static final Path NGINX = Path.of("/usr/sbin/nginx");

	private final Path folder;

	private final int port;

	private final Process process;

	private ReverseProxy(Path folder, int port, Process process) {
		this.folder = folder;
		this.port = port;
		this.process = process;
	}

	/**
	 * nginx on a free port of 127.0.0.1 in front of the hall at {@code 127.0.0.1:hallPort}: the client's address
	 * appended to its {@code X-Forwarded-For} ({@code $proxy_add_x_forwarded_for}); the hall takes the last address
	 * that is not a trusted proxy.
	 */
	public static ReverseProxy inFrontOfTheHall(int hallPort) {
		return start(hallPort, "$proxy_add_x_forwarded_for");
	}

	/**
	 * nginx on a free port of 127.0.0.1 in front of Keycloak at {@code 127.0.0.1:keycloakPort}: {@code X-Forwarded-For}
	 * replaced by the client's address ({@code $remote_addr}), as Keycloak takes the first address it is given.
	 */
	public static ReverseProxy inFrontOfKeycloak(int keycloakPort) {
		return start(keycloakPort, "$remote_addr");
	}

	private static ReverseProxy start(int upstreamPort, String forwardedFor) {
		if (!Files.isExecutable(NGINX)) {
			throw new IllegalStateException(NGINX + " is missing: install the Debian package nginx (.ci/run does)");
		}
		try {
			Path folder = Files.createTempDirectory("service-hall-nginx");
			int port = freePort();
			Files.writeString(folder.resolve("nginx.conf"), configuration(folder, port, upstreamPort, forwardedFor));
			Process process = new ProcessBuilder(NGINX.toString(), "-p", folder.toString(), "-c",
					folder.resolve("nginx.conf").toString(), "-e", folder.resolve("error.log").toString())
				.redirectErrorStream(true)
				.redirectOutput(folder.resolve("nginx.out").toFile())
				.start();
			ReverseProxy proxy = new ReverseProxy(folder, port, process);
			proxy.awaitListening();
			return proxy;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String configuration(Path folder, int port, int upstreamPort, String forwardedFor) {
		return """
				daemon off;
				master_process off;
				pid %1$s/nginx.pid;
				error_log %1$s/error.log warn;
				events { worker_connections 64; }
				http {
				    log_format clients '$remote_addr "%4$s" $status "$request"';
				    access_log %1$s/access.log clients;
				    client_body_temp_path %1$s/body;
				    proxy_temp_path %1$s/proxy;
				    fastcgi_temp_path %1$s/fastcgi;
				    uwsgi_temp_path %1$s/uwsgi;
				    scgi_temp_path %1$s/scgi;
				    client_max_body_size 21m;
				    server {
				        listen 127.0.0.1:%2$d;
				        location / {
				            proxy_pass http://127.0.0.1:%3$d;
				            proxy_set_header Host $http_host;
				            proxy_set_header X-Forwarded-For %4$s;
				            proxy_set_header X-Forwarded-Proto $scheme;
				        }
				    }
				}
				""".formatted(folder, port, upstreamPort, forwardedFor);
	}

	private void awaitListening() throws IOException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
		while (Instant.now().isBefore(deadline)) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("nginx exited (" + this.process.exitValue() + "): "
						+ Files.readString(this.folder.resolve("nginx.out")) + log("error.log"));
			}
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", this.port), 500);
				return;
			}
			catch (IOException notYet) {
				sleep(50);
			}
		}
		throw new IllegalStateException("nginx did not listen on port " + this.port + " within 20 s: " + log("error.log"));
	}

	/** The port clients connect to, on 127.0.0.1. */
	public int port() {
		return this.port;
	}

	/** The access log's lines so far: {@code <client address> "<X-Forwarded-For passed on>" <status> "<request>"}. */
	public List<String> accessLog() {
		return log("access.log").lines().toList();
	}

	private String log(String name) {
		try {
			Path file = this.folder.resolve(name);
			return Files.exists(file) ? Files.readString(file) : "";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
