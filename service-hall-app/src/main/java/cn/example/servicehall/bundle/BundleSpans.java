package cn.example.servicehall.bundle;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.example.servicehall.intake.Agency;
import cn.example.servicehall.intake.CaseStatus;
import cn.example.servicehall.intake.ServiceType;
import cn.example.servicehall.sla.SlaLimits;
import cn.example.servicehall.sla.SpanContributor;

/**
 * 一件事的办结时限 as the SLA clocks see it: for each bundle that may be applied for, a span of its cases from
 * acceptance to the bundle's completion (to the last part done), limited to the catalogue's
 * {@code time-limit-working-days}, paused while the citizen is asked for materials, not counted when the bundle is
 * cancelled or withdrawn. The limit is written once, in the bundle's file; the dashboard reports the span per bundle.
 */
@Component
class BundleSpans implements SpanContributor {

	/** The span of a bundle's cases is named {@code bundle:} and the bundle's code. */
	static final String PREFIX = "bundle:";

	private final BundleCatalogue catalogue;

	BundleSpans(BundleCatalogue catalogue) {
		this.catalogue = catalogue;
	}

	@Override
	public List<SlaLimits.Span> spans() {
		return this.catalogue.all()
			.stream()
			.filter(Bundle::available)
			.map(bundle -> new SlaLimits.Span(PREFIX + bundle.code(), bundle.name() + "办结时限",
					List.of(ServiceType.BUNDLE), List.of(bundle.code()), Agency.HPF, CaseStatus.ACCEPTED.name(),
					List.of(CaseStatus.COMPLETED.name()),
					List.of(CaseStatus.CANCELLED.name(), CaseStatus.WITHDRAWN.name(), CaseStatus.REJECTED.name()),
					bundle.timeLimitWorkingDays(), SlaLimits.Unit.WORKING_DAYS, true, List.of(),
					"一件事一次办目录 bundles/" + bundle.file() + "：time-limit-working-days"))
			.toList();
	}

}
