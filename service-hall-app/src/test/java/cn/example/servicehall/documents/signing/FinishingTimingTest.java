package cn.example.servicehall.documents.signing;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How long finishing (stamp, metadata, sign) and verifying take, warm: printed, with generous upper bounds. */
class FinishingTimingTest {

	private static final int WARM_UP = 8;

	private static final int RUNS = 20;

	@Test
	void finishesAndVerifiesOneAndFivePageDocumentsQuickly() {
		AgencyKeys keys = SigningFixtures.keys(SigningFixtures.sharedKeyDirectory());
		DocumentFinisher finisher = SigningFixtures.finisher(keys, SigningFixtures.sharedKeyDirectory());
		SignatureVerifier verifier = new SignatureVerifier(keys, SigningFixtures.CLOCK);
		for (int pages : new int[] { 1, 5 }) {
			byte[] unsigned = SigningFixtures.samplePdf(pages);
			DocumentMetadata metadata = SigningFixtures.metadata(Agency.HPF);
			var url = SigningFixtures.verificationUrl(metadata.documentNumber());
			byte[] signed = null;
			for (int i = 0; i < WARM_UP; i++) {
				signed = finisher.finish(unsigned, Agency.HPF, url, metadata);
				verifier.verify(signed);
			}
			long[] finishing = new long[RUNS];
			long[] verifying = new long[RUNS];
			for (int i = 0; i < RUNS; i++) {
				long start = System.nanoTime();
				signed = finisher.finish(unsigned, Agency.HPF, url, metadata);
				finishing[i] = System.nanoTime() - start;
				start = System.nanoTime();
				assertThat(verifier.verify(signed).valid()).isTrue();
				verifying[i] = System.nanoTime() - start;
			}
			System.out.printf("TIMING %d page(s), %d KB unsigned -> %d KB signed: finish median %.1f ms (min %.1f, "
					+ "max %.1f); verify median %.1f ms%n", pages, unsigned.length / 1024, signed.length / 1024,
					median(finishing), min(finishing), max(finishing), median(verifying));
			assertThat(median(finishing)).isLessThan(2000);
		}
	}

	private static double median(long[] nanos) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2] / 1e6;
	}

	private static double min(long[] nanos) {
		return Arrays.stream(nanos).min().orElseThrow() / 1e6;
	}

	private static double max(long[] nanos) {
		return Arrays.stream(nanos).max().orElseThrow() / 1e6;
	}

}
