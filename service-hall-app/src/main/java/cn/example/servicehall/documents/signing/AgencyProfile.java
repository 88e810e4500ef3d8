package cn.example.servicehall.documents.signing;

import java.util.Objects;

/**
 * How an agency appears on its documents.
 *
 * @param name the full name on the seal's upper arc and in the certificate (焦作市住房公积金管理中心)
 * @param city where it signs: the signature's location (焦作市)
 * @param sealText the purpose line at the bottom of the seal (业务专用章)
 */
public record AgencyProfile(String name, String city, String sealText) {

	public AgencyProfile {
		requireText(name, "name");
		requireText(city, "city");
		requireText(sealText, "sealText");
	}

	private static void requireText(String value, String what) {
		if (Objects.requireNonNull(value, what).isBlank()) {
			throw new IllegalArgumentException("an agency's " + what + " must not be blank");
		}
	}

}
