package cn.example.servicehall.documents.signing;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Seals, keys and signatures of the documents the hall issues ({@code servicehall.documents.*}). Every setting has a
 * default, so the hall starts with none: development keys under {@code ./data/keys}, Jiaozuo's agencies.
 *
 * @param keys where the agencies' signing keys come from
 * @param agencies each agency's name, city and seal text, keyed {@code hpf}, {@code bank}, {@code registry},
 * {@code guarantor}; whatever is left out falls back to {@link Agency#defaultProfile()}
 * @param signature the signature dictionary's fixed texts and size
 * @param seal how the seal is drawn
 */
@ConfigurationProperties("servicehall.documents")
public record DocumentSigningSettings(@DefaultValue Keys keys, Map<Agency, AgencySettings> agencies,
		@DefaultValue Signature signature, @DefaultValue Seal seal) {

	public DocumentSigningSettings {
		keys = keys != null ? keys : Keys.development(Path.of("./data/keys"));
		agencies = agencies != null && !agencies.isEmpty() ? Map.copyOf(new EnumMap<>(agencies)) : Map.of();
		signature = signature != null ? signature : new Signature(null, 0);
		seal = seal != null ? seal : new Seal(null, 0);
	}

	/** Development keys in {@code directory}, Jiaozuo's agencies, default texts. */
	public static DocumentSigningSettings development(Path directory) {
		return new DocumentSigningSettings(Keys.development(directory), null, null, null);
	}

	/** The agency's name, city and seal text: the settings' where given, else the defaults. */
	public AgencyProfile profile(Agency agency) {
		AgencyProfile fallback = agency.defaultProfile();
		AgencySettings given = this.agencies.get(agency);
		if (given == null) {
			return fallback;
		}
		return new AgencyProfile(orElse(given.name(), fallback.name()), orElse(given.city(), fallback.city()),
				orElse(given.sealText(), fallback.sealText()));
	}

	private static String orElse(String value, String fallback) {
		return value == null || value.isBlank() ? fallback : value.strip();
	}

	/** Where signing keys come from. */
	public enum KeyMode {

		/**
		 * A development CA and one certificate per agency, generated on first use into {@code keys.directory} and
		 * reused afterwards. Never for production: anyone with the directory can sign.
		 */
		DEVELOPMENT,

		/** A PKCS12 keystore given by {@code keys.keystore}; nothing is ever generated. */
		KEYSTORE

	}

	/**
	 * The agencies' signing keys.
	 *
	 * @param mode {@code development} (default) or {@code keystore}
	 * @param directory development mode: where the generated keystore, its password file and {@code dev-ca.pem} live
	 * @param keystore keystore mode: the PKCS12 file holding each agency's key and certificate chain
	 * @param password keystore mode: its password
	 * @param keyPassword keystore mode: the keys' password, when it differs from the keystore's
	 * @param aliases keystore mode: each agency's alias; default the agency's name in lower case ({@code hpf})
	 * @param trustAnchors CA certificates (PEM or DER files) whose signatures the verifier accepts, beside the
	 * development CA (development mode) or the roots of the keystore's chains (keystore mode)
	 */
	public record Keys(@DefaultValue("development") KeyMode mode, @DefaultValue("./data/keys") Path directory,
			Path keystore, String password, String keyPassword, Map<Agency, String> aliases, List<Path> trustAnchors) {

		public Keys {
			mode = mode != null ? mode : KeyMode.DEVELOPMENT;
			directory = directory != null ? directory : Path.of("./data/keys");
			aliases = aliases != null && !aliases.isEmpty() ? Map.copyOf(new EnumMap<>(aliases)) : Map.of();
			trustAnchors = trustAnchors != null ? List.copyOf(trustAnchors) : List.of();
		}

		/** Development keys kept in {@code directory}. */
		public static Keys development(Path directory) {
			return new Keys(KeyMode.DEVELOPMENT, directory, null, null, null, null, null);
		}

		/** Production keys from a PKCS12 keystore, default aliases. */
		public static Keys keystore(Path keystore, String password) {
			return new Keys(KeyMode.KEYSTORE, null, keystore, password, null, null, null);
		}

		/** The agency's alias in the keystore. */
		public String alias(Agency agency) {
			String alias = this.aliases.get(agency);
			return alias == null || alias.isBlank() ? agency.defaultAlias() : alias.strip();
		}

		@Override
		public String toString() {
			return "Keys[mode=" + this.mode + ", directory=" + this.directory + ", keystore=" + this.keystore
					+ ", password=" + (this.password == null ? "none" : "******") + ", keyPassword="
					+ (this.keyPassword == null ? "none" : "******") + ", aliases=" + this.aliases + ", trustAnchors="
					+ this.trustAnchors + "]";
		}

	}

	/**
	 * One agency's overrides; blank or missing values fall back to {@link Agency#defaultProfile()}.
	 *
	 * @param name full name (焦作市住房公积金管理中心)
	 * @param city signature location (焦作市)
	 * @param sealText bottom line of the seal (业务专用章)
	 */
	public record AgencySettings(String name, String city, String sealText) {
	}

	/**
	 * The signature dictionary.
	 *
	 * @param reason its {@code /Reason}
	 * @param size bytes reserved for the CMS signature; 0 (default) sizes it from the certificate chain
	 */
	public record Signature(@DefaultValue("电子证照签章") String reason, @DefaultValue("0") int size) {

		public Signature {
			reason = reason == null || reason.isBlank() ? "电子证照签章" : reason;
			if (size < 0) {
				throw new IllegalArgumentException("servicehall.documents.signature.size must not be negative");
			}
		}

	}

	/**
	 * The seal.
	 *
	 * @param font a TrueType (glyf) font with the agencies' names, as a Spring resource location; parsed for every
	 * seal drawn, so a small one: by default the GB2312 subset of Noto Sans SC made for it
	 * @param opacity how opaque its red ink is, 0..1; below 1 the printed text under it stays legible
	 */
	public record Seal(@DefaultValue("classpath:document-templates/fonts/NotoSansSC-Regular-Seal.ttf") String font,
			@DefaultValue("0.85") float opacity) {

		public Seal {
			font = font == null || font.isBlank() ? "classpath:document-templates/fonts/NotoSansSC-Regular-Seal.ttf"
					: font;
			opacity = opacity <= 0 ? 0.85f : Math.min(opacity, 1f);
		}

	}

}
