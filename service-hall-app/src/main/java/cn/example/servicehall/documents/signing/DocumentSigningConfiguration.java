package cn.example.servicehall.documents.signing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.function.Supplier;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

import cn.example.servicehall.documents.signing.DocumentSigningSettings.KeyMode;

/**
 * Wires the signing classes: {@link AgencyKeys}, {@link DocumentFinisher}, {@link SignatureVerifier}. In keystore mode
 * the keys are read at start-up, so a wrong keystore stops the hall; development keys are created when first needed.
 * The seal's font is read on the first document, so the hall starts without it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DocumentSigningSettings.class)
class DocumentSigningConfiguration {

	@Bean
	AgencyKeys agencyKeys(DocumentSigningSettings settings, ObjectProvider<Clock> clock) {
		AgencyKeys keys = new AgencyKeys(settings, clock.getIfAvailable(Clock::systemDefaultZone));
		if (keys.mode() == KeyMode.KEYSTORE) {
			keys.preload();
		}
		return keys;
	}

	@Bean
	QrStamp qrStamp() {
		return new QrStamp();
	}

	@Bean
	DocumentFinisher documentFinisher(AgencyKeys keys, DocumentSigningSettings settings, QrStamp qrStamp,
			ResourceLoader resources, ObjectProvider<Clock> clock) {
		return new DocumentFinisher(keys, settings, new LazySeal(settings.seal(), resources), qrStamp,
				clock.getIfAvailable(Clock::systemDefaultZone));
	}

	@Bean
	SignatureVerifier signatureVerifier(AgencyKeys keys, ObjectProvider<Clock> clock) {
		return new SignatureVerifier(keys, clock.getIfAvailable(Clock::systemDefaultZone));
	}

	/** The seal, its font read once on first use. */
	static final class LazySeal implements Supplier<SealStamp> {

		private final DocumentSigningSettings.Seal settings;

		private final ResourceLoader resources;

		private volatile SealStamp seal;

		LazySeal(DocumentSigningSettings.Seal settings, ResourceLoader resources) {
			this.settings = settings;
			this.resources = resources;
		}

		@Override
		public SealStamp get() {
			SealStamp current = this.seal;
			if (current == null) {
				synchronized (this) {
					current = this.seal;
					if (current == null) {
						current = new SealStamp(read(), this.settings.opacity());
						this.seal = current;
					}
				}
			}
			return current;
		}

		private byte[] read() {
			Resource font = this.resources.getResource(this.settings.font());
			if (!font.exists()) {
				throw new IllegalStateException("The seal's font " + this.settings.font()
						+ " does not exist (servicehall.documents.seal.font)");
			}
			try (InputStream in = font.getInputStream()) {
				return in.readAllBytes();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read the seal's font " + this.settings.font(), ex);
			}
		}

	}

}
