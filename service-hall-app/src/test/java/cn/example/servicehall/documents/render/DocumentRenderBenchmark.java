package cn.example.servicehall.documents.render;

import java.util.Arrays;
import java.util.List;

/**
 * Render timings, cold and warm, of the contract and the acceptance receipt: not a test (no assertions, not run by
 * Surefire). Run from service-hall-app after {@code ../mvnw test-compile}:
 *
 * <pre>
 * ../mvnw -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *      cn.example.servicehall.documents.render.DocumentRenderBenchmark [rounds]
 * </pre>
 */
public final class DocumentRenderBenchmark {

	private DocumentRenderBenchmark() {
	}

	public static void main(String[] args) {
		int rounds = (args.length > 0) ? Integer.parseInt(args[0]) : 30;
		long start = System.nanoTime();
		DocumentRenderer renderer = new DocumentRenderer();
		System.out.printf("renderer created (fonts read, character set built): %d ms%n",
				(System.nanoTime() - start) / 1_000_000);
		for (TemplateId id : List.of(TemplateId.LOAN_CONTRACT, TemplateId.ACCEPTANCE_RECEIPT)) {
			DocumentData data = SampleDocuments.of(id);
			long first = System.nanoTime();
			RenderedDocument document = renderer.render(id, data);
			long cold = System.nanoTime() - first;
			for (int i = 0; i < 10; i++) {
				renderer.render(id, data); // warm up
			}
			long[] warm = new long[rounds];
			for (int i = 0; i < rounds; i++) {
				long t = System.nanoTime();
				renderer.render(id, data);
				warm[i] = System.nanoTime() - t;
			}
			Arrays.sort(warm);
			System.out.printf("%-20s %d page(s), %,d bytes: first %.0f ms; warm median %.1f ms, min %.1f ms, "
					+ "p90 %.1f ms (%d rounds)%n", id, document.pageCount(), document.pdf().length, cold / 1e6,
					warm[rounds / 2] / 1e6, warm[0] / 1e6, warm[(int) (rounds * 0.9)] / 1e6, rounds);
		}
	}

}
