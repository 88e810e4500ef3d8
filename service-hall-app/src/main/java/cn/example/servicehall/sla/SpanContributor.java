package cn.example.servicehall.sla;

import java.util.List;

/**
 * A module that defines spans of cases from its own data rather than from {@code servicehall.sla.limits}: the bundle
 * catalogue gives each bundle's time limit (一件事的办结时限) as a span from acceptance to completion, so the limit is
 * written once, in the bundle's file. Asked each time the spans are needed; the spans' ids must not collide with the
 * configured ones.
 */
public interface SpanContributor {

	/** The spans this module defines now. */
	List<SlaLimits.Span> spans();

}
