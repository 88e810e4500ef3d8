package cn.example.servicehall.sla;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import cn.example.servicehall.intake.ServiceType;

/**
 * Every span of a case the clocks run: those configured ({@link SlaLimits#spans()}), then those other modules define
 * from their own data ({@link SpanContributor}: a bundle's time limit), in that order. An id given twice is refused
 * when first asked, naming it.
 */
@Component
public class CaseSpans {

	private final SlaLimits limits;

	private final ObjectProvider<SpanContributor> contributors;

	CaseSpans(SlaLimits limits, ObjectProvider<SpanContributor> contributors) {
		this.limits = limits;
		this.contributors = contributors;
	}

	/** All spans, the configured first. */
	public List<SlaLimits.Span> all() {
		List<SlaLimits.Span> all = new ArrayList<>(this.limits.spans());
		this.contributors.orderedStream().forEach(contributor -> all.addAll(contributor.spans()));
		Set<String> ids = new HashSet<>();
		for (SlaLimits.Span span : all) {
			if (!ids.add(span.id())) {
				throw new IllegalStateException("Two spans with the id " + span.id()
						+ " (servicehall.sla.limits and a module's own, e.g. a bundle's)");
			}
		}
		return all;
	}

	/** The span with this id. */
	public Optional<SlaLimits.Span> span(String id) {
		return all().stream().filter(s -> s.id().equals(id)).findFirst();
	}

	/** The spans that a case of the service's variant starts with a history line of {@code action} and {@code status}. */
	public List<SlaLimits.Span> startedBy(ServiceType service, Optional<String> variant, String action, String status) {
		return SlaLimits.startedBy(all(), service, variant, action, status);
	}

}
