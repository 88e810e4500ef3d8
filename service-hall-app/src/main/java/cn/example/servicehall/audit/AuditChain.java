package cn.example.servicehall.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;

/**
 * The chain's arithmetic: an entry's hash is SHA-256 over its columns in a fixed order, each written with its length
 * (so that no two different rows write the same bytes, and an absent value differs from an empty one), ending with the
 * hash of the entry before. A day's first entry links to the day's genesis, the hash of the day's date.
 */
final class AuditChain {

	private AuditChain() {
	}

	static String genesis(LocalDate day) {
		return sha256("servicehall-audit-genesis|" + day);
	}

	static String hash(AuditEntry e) {
		StringBuilder text = new StringBuilder("servicehall-audit-v1");
		for (Object field : new Object[] { e.day(), e.seq(), e.occurredAt(), e.actorId(), e.actorName(), e.actorPosts(),
				e.actorCompany(), e.action(), e.caseNo(), e.personId(), e.subject(), e.address(), e.channel(),
				e.prevHash() }) {
			if (field == null) {
				text.append("|-");
			}
			else {
				String value = field.toString();
				text.append('|').append(value.length()).append(':').append(value);
			}
		}
		return sha256(text.toString());
	}

	static String sha256(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
